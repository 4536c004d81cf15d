/// The committee workbook, format-neutral: sheets of typed cells with their exact figures, the
/// names given to key ranges, and the document's properties. Built from the ledger by pure functions
/// (`CommitteeWorkbook`), rendered by a writer that knows the file format (GrantLedgerXlsx).
public struct WorkbookModel: Sendable {
    public var properties: WorkbookProperties
    public var sheets: [SheetModel]
    public var names: [DefinedName]

    public init(properties: WorkbookProperties, sheets: [SheetModel], names: [DefinedName]) {
        self.properties = properties
        self.sheets = sheets
        self.names = names
    }

    public func sheet(named name: String) -> SheetModel? { sheets.first { $0.name == name } }
}

/// A name for a range, so formulas and readers can say `Pot` rather than `$B$4`.
public struct DefinedName: Hashable, Sendable {
    public let name: String
    public let target: SheetArea
    /// Known on its own sheet only: every scenario sheet has its own `Pot`.
    public let isLocal: Bool

    public init(_ name: String, _ target: SheetArea, isLocal: Bool = false) {
        self.name = name
        self.target = target
        self.isLocal = isLocal
    }
}

/// File › Properties. `created` comes from the as-of date, never the clock, so the same inputs
/// give the same bytes.
public struct WorkbookProperties: Hashable, Sendable {
    public var title: String
    public var subject: String?
    public var author: String
    public var company: String?
    public var keywords: String?
    public var comments: String?
    public var created: Day
    /// Named custom properties, in order: the provenance a reader can see without opening a sheet.
    public var custom: [Property]

    public struct Property: Hashable, Sendable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        title: String, subject: String? = nil, author: String, company: String? = nil, keywords: String? = nil,
        comments: String? = nil, created: Day, custom: [Property] = []
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.comments = comments
        self.created = created
        self.custom = custom
    }
}
