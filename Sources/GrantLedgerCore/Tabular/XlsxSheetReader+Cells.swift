extension XlsxSheetReader {
    /// A `<c>`: its place (written `r`, or the next column) checked against its row and the cell
    /// before it, and its type (`t`).
    func startCell(_ attributes: [String: String]) {
        cellOpen = nil
        guard let row = currentRow else { return }
        let previous = cellsInRow.last?.column ?? 0
        var reference = XlsxCellReference(row: row, column: previous + 1)
        if let written = attributes["r"] {
            guard let parsed = XlsxCellReference(written) else {
                report("a cell of row \(row) of sheet \(quoted(sheet)) is called \(quoted(written)), which is not a cell reference",
                       hint: XlsxError.damagedHint, row: row)
                return
            }
            reference = parsed
        }
        guard reference.column <= XlsxCellReference.maximumColumn else {
            report("\(place(reference)) is past column XFD, the last a sheet has", hint: XlsxError.damagedHint, row: row)
            return
        }
        guard reference.row == row else {
            report("\(place(reference)) is written in row \(row)", hint: XlsxError.damagedHint, row: row,
                   column: min(reference.column, XlsxCellReference.maximumColumn))
            return
        }
        if reference.column <= previous {
            let message = reference.column == previous
                ? "\(place(reference)) is written twice"
                : "\(place(reference)) comes after \(XlsxCellReference(row: row, column: previous).name): cells must be in column order"
            report(message, hint: XlsxError.damagedHint, row: row, column: reference.column)
            return
        }
        cellOpen = XlsxSheetReader.OpenCell(reference: reference, type: attributes["t"] ?? "n")
    }

    /// The end of a `<c>`: its value by its type, as a field's text and kind.
    func endCell() {
        guard let open = cellOpen else { return }
        cellOpen = nil
        let reference = open.reference
        let value = open.value ?? ""
        var text = value
        var kind = CSVFieldKind.text
        switch open.type {
        case "n":
            // A formatted blank (`<c r="D3" s="3"/>`) holds nothing: empty text, as a CSV's empty cell.
            kind = value.isEmpty ? .text : .number
            if !value.isEmpty && !SpreadsheetNumber.isStoredNumber(value) {
                cellProblem(reference, "holds \(quoted(value)) as a number, which is not one")
                text = ""
            }
        case "s":
            text = sharedString(value, at: reference)
        case "inlineStr":
            text = XlsxText.unescaped(open.inline ?? "")
        case "str":
            text = XlsxText.unescaped(value)
        case "b":
            kind = .boolean
            switch value {
            case "1": text = "TRUE"
            case "0": text = "FALSE"
            case "": text = ""
            default:
                cellProblem(reference, "holds \(quoted(value)) as true or false, which is neither")
                text = ""
            }
        case "e": kind = .error
        case "d": kind = .date
        default:
            cellProblem(reference, "has the type \(quoted(open.type)), which is not a cell type")
            text = ""
        }
        if open.type != "s", let problem = TextRule.firstProblem(in: text) { textProblem(problem, at: reference) }
        cellsInRow.append((reference.column, text, kind))
    }

    /// Shared string `index` (the cell's value), held to the text rule where the cell is.
    private func sharedString(_ index: String, at reference: XlsxCellReference) -> String {
        if index.isEmpty { return "" }
        guard index.utf8.count <= 10, index.utf8.allSatisfy(ASCII.isDigit), let number = Int(index), number < shared.count else {
            cellProblem(reference, "refers to shared string \(quoted(index)), but the workbook has \(Thousands.grouped(shared.count))")
            return ""
        }
        if let problem = shared.problems[number] { textProblem(problem, at: reference) }
        return shared.strings[number]
    }

    private func cellProblem(_ reference: XlsxCellReference, _ what: String) {
        report("\(place(reference)) \(what)", hint: XlsxError.damagedHint, row: reference.row, column: reference.column)
    }

    private func textProblem(_ problem: TextRule.Problem, at reference: XlsxCellReference) {
        diagnostics.append(TextRule.diagnostic(
            problem, what: place(reference), at: SourceLocation(file: file, line: reference.row, column: reference.column), excerpt: ""))
    }
}
