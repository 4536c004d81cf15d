/// One cell of the model: a value and how it should look.
public struct SheetCell: Hashable, Sendable {
    public var value: SheetValue
    public var look: CellLook

    public init(_ value: SheetValue, _ look: CellLook = .body) {
        self.value = value
        self.look = look
    }

    public static let empty = SheetCell(.empty)

    public static func text(_ text: String, _ look: CellLook = .body) -> SheetCell { SheetCell(.text(text), look) }
    public static func money(_ money: Money, _ look: CellLook = .body) -> SheetCell { SheetCell(.money(money), look) }
    public static func count(_ count: Int, _ look: CellLook = .body) -> SheetCell { SheetCell(.count(count), look) }
    public static func date(_ day: Day, _ look: CellLook = .body) -> SheetCell { SheetCell(.date(day), look) }
    public static func percent(_ share: Rational, _ look: CellLook = .body) -> SheetCell { SheetCell(.percent(share), look) }
    public static func formula(_ text: String, _ result: FormulaResult, _ look: CellLook = .body) -> SheetCell {
        SheetCell(.formula(Formula(text, result)), look)
    }

    /// A text cell, or a blank one when the ledger left the field out.
    public static func text(_ text: String?, _ look: CellLook = .body) -> SheetCell {
        text.map { SheetCell(.text($0), look) } ?? SheetCell(.empty, look)
    }
}

/// How a cell looks, by its part in the sheet rather than by font and colour, so the model stays
/// free of any one spreadsheet's styling.
public struct CellLook: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        /// An ordinary figure or name in a table.
        case body
        /// The sheet's title, large and bold.
        case title
        /// The line under the title: what the sheet covers.
        case subtitle
        /// A column heading: bold, shaded, wrapped, ruled underneath.
        case header
        /// A heading for a part of the sheet (`By initiative`).
        case section
        /// A totals row: bold, ruled above.
        case total
        /// An explanation: italic, may run across empty cells to its right.
        case note
        /// A setting a reader may change (a weight, a threshold): shaded so it stands out.
        case input
        /// A label beside a setting.
        case label
        /// A detail row under the row it belongs to (indented).
        case detail
    }

    public var role: Role
    /// Decimal places for percents, numbers and precise money; nil for the usual (1 for percents,
    /// 2 for money, as written for numbers).
    public var decimals: Int?
    /// Wrap long text inside the cell rather than run across its neighbours.
    public var wrap: Bool
    /// A heading over a column of figures: aligned to the right, over the figures.
    public var headsFigures: Bool
    /// A figure entered as its exact value where a formula could not be relied on to reproduce it
    /// (see `FormulaGate`): shown in italics, which the sheet's note explains.
    public var exactValue: Bool

    public init(_ role: Role = .body, decimals: Int? = nil, wrap: Bool = false, headsFigures: Bool = false,
                exactValue: Bool = false) {
        self.role = role
        self.decimals = decimals
        self.wrap = wrap
        self.headsFigures = headsFigures
        self.exactValue = exactValue
    }

    /// This look, marked as an exact value in place of a formula.
    public var markedExact: CellLook {
        var copy = self
        copy.exactValue = true
        return copy
    }

    public static let body = CellLook(.body)
    public static let wrapped = CellLook(.body, wrap: true)
    public static let title = CellLook(.title)
    public static let subtitle = CellLook(.subtitle)
    public static let header = CellLook(.header, wrap: true)
    public static let section = CellLook(.section)
    public static let total = CellLook(.total)
    public static let note = CellLook(.note)
    public static let input = CellLook(.input)
    public static let label = CellLook(.label)
    public static let detail = CellLook(.detail)

    /// This look with `places` decimals.
    public func decimals(_ places: Int) -> CellLook {
        var copy = self
        copy.decimals = places
        return copy
    }
}
