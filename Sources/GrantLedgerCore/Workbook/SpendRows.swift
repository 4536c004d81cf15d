/// The Spend sheet's posting rows, one per selected posting, described cell by cell from the
/// ledger's bytes: the one definition of what a Spend row holds, which the writer streams and the
/// model's `SheetRow`s are collected from.
///
/// A row: the date, grant, line, area, initiative, supplier (wrapped), description (wrapped),
/// reference, spend class and amount; tall enough for its wrapped supplier and description.
struct SpendRows: SheetRowStream {
    let ledger: Ledger
    let names: SpendNames
    /// The postings' indices, in the sheet's order.
    let postings: [Int32]
    /// The widths the supplier and description wrap within.
    let widths: (supplier: Double, description: Double)
    /// How many characters fit on a line of each: a text no more bytes long is one line.
    private let capacities: (supplier: Int, description: Int)

    init(ledger: Ledger, names: SpendNames, postings: [Int32], widths: (supplier: Double, description: Double)) {
        self.ledger = ledger
        self.names = names
        self.postings = postings
        self.widths = widths
        capacities = (ColumnWidth.capacity(width: widths.supplier), ColumnWidth.capacity(width: widths.description))
    }

    var count: Int { postings.count }

    func emit(_ index: Int, to sink: any SheetCellSink) {
        let posting = ledger.postings[Int(postings[index])]
        let transaction = ledger.transactions[Int(posting.transaction)]
        ledger.texts.withBytes(transaction.descriptionText) { description in
            let described = lines(description, capacities.description, widths.description)
            Self.withSupplier(ledger, posting, description: description) { supplier in
                let tall = supplier.map { max(described, lines($0, capacities.supplier, widths.supplier)) } ?? described
                emit(posting, transaction.date, description, supplier, lines: tall, to: sink)
            }
        }
    }

    /// The row's cells, once its texts are in hand.
    private func emit(_ posting: Posting, _ date: Day, _ description: UnsafeBufferPointer<UInt8>,
                      _ supplier: UnsafeBufferPointer<UInt8>?, lines: Int, to sink: any SheetCellSink) {
        let body = CellLook.body, wrapped = CellLook.wrapped
        sink.beginRow(height: lines > 1 ? ColumnWidth.rowHeight(lines: lines) : nil)
        sink.date(date, body)
        name(names.grant(posting), body, to: sink)
        name(names.line(posting), body, to: sink)
        name(names.area(posting), body, to: sink)
        name(names.initiative(posting), body, to: sink)
        if let supplier { sink.text(supplier, wrapped) } else { sink.empty(wrapped) }
        sink.text(description, wrapped)
        if posting.referenceText >= 0 {
            ledger.texts.withBytes(posting.referenceText) { sink.text($0, body) }
        } else {
            sink.empty(body)
        }
        name(names.spendClass(posting), body, to: sink)
        sink.money(posting.amount, body)
    }

    /// `ColumnWidth.lines` for text given as its UTF-8 bytes: text no longer than a line (by bytes,
    /// which bound its characters) is one line without being made a `String`.
    private func lines(_ utf8: UnsafeBufferPointer<UInt8>, _ capacity: Int, _ width: Double) -> Int {
        utf8.count <= capacity ? 1 : ColumnWidth.lines(String(decoding: utf8, as: UTF8.self), width: width)
    }

    private func name(_ number: Int32, _ look: CellLook, to sink: any SheetCellSink) {
        guard number >= 0 else { return sink.empty(look) }
        names.store.withBytes(number) { sink.text($0, look) }
    }

    /// Calls `body` with the bytes of who was paid: the `supplier:` tag, or for a row keyed by hand
    /// without one, the payee (the description before `|`), as an import writes it; not at all when
    /// there is neither.
    static func withSupplier(_ ledger: Ledger, _ posting: Posting, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        ledger.texts.withBytes(ledger.transactions[Int(posting.transaction)].descriptionText) { description in
            withSupplier(ledger, posting, description: description) { if let supplier = $0 { body(supplier) } }
        }
    }

    /// The same, given the bytes of the posting's transaction's description; `body` is given nil
    /// when there is neither a tag nor a payee.
    static func withSupplier(_ ledger: Ledger, _ posting: Posting, description: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        if posting.supplierText >= 0 { return ledger.texts.withBytes(posting.supplierText) { body($0) } }
        let payee = Ledger.payeeBytes(description)
        body(payee.isEmpty ? nil : payee)
    }
}
