/// An indicator made from the area file's columns rather than read from one:
///
/// - `deprivation-pw = deprivation × population`: a product, for deprivation weighted by population
///   (an average score says how deprived the typical resident is; times the residents, how much
///   deprivation there is to tackle);
/// - `crime-harm = severity(violence=8, theft=1, …)`: counts by category times a weight per category,
///   so that a violent offence counts for more than a theft, as the board's severity work does.
///
/// The parts are always the file's own columns, so a definition may take the name of a column it
/// replaces (`deprivation = deprivation × population`) and definitions never depend on each other.
public struct IndicatorDefinition: Sendable {
    public enum Formula: Sendable, Equatable {
        /// The product of these columns.
        case product([String])
        /// Σ weight × column.
        case severity([SeverityTerm])
    }

    public let name: String
    public let formula: Formula
    public let origin: SettingOrigin?
    /// Byte offsets of each column name in the setting's text, for carets.
    let columnOffsets: [Int]

    public init(name: String, formula: Formula, origin: SettingOrigin? = nil) {
        self.name = name
        self.formula = formula
        self.origin = origin
        self.columnOffsets = []
    }

    init(name: String, formula: Formula, origin: SettingOrigin?, columnOffsets: [Int]) {
        self.name = name
        self.formula = formula
        self.origin = origin
        self.columnOffsets = columnOffsets
    }

    /// The columns it is made from, in the order written.
    public var columns: [String] {
        switch formula {
        case let .product(columns): return columns
        case let .severity(terms): return terms.map(\.column)
        }
    }

    /// `deprivation × population`, `severity(violence=8, theft=1)`.
    public var formulaText: String {
        switch formula {
        case let .product(columns): return columns.joined(separator: " × ")
        case let .severity(terms):
            return "severity(" + terms.map { "\($0.column)=\(ExactText.value($0.weight, maxPlaces: 6))" }.joined(separator: ", ") + ")"
        }
    }

    static let form = "write NAME = COLUMN × COLUMN (e.g. deprivation-pw = deprivation × population) or NAME = severity(COLUMN=WEIGHT, …) (e.g. crime-harm = severity(violence=8, theft=1))"

    /// Reads `NAME = A × B` (or `A * B`) and `NAME = severity(A=W, B=W, …)`.
    public static func parse(_ text: String, origin: SettingOrigin? = nil) throws(SettingError) -> IndicatorDefinition {
        let bytes = Array(text.utf8)
        let fail = Failing(origin: origin)
        guard let equals = bytes.firstIndex(of: ASCII.equals) else {
            throw fail("an indicator is defined as NAME = FORMULA, not \(quoted(text))")
        }
        let name = String(decoding: bytes[..<equals], as: UTF8.self).trimmingBlanks
        if name.isEmpty { throw fail("an indicator definition needs a name before =", length: 1) }
        if name.utf8.contains(where: ASCII.isBlank) {
            throw fail("an indicator's name is one word (join words with -), not \(quoted(name))", length: equals)
        }
        var start = equals + 1
        while start < bytes.count && ASCII.isBlank(bytes[start]) { start += 1 }
        var end = bytes.count
        while end > start && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end else { throw fail("nothing after = in the definition of \(name)", at: equals) }
        let body = Array(bytes[start..<end])

        if body.starts(with: severityKeyword) {
            return try severity(body, start: start, name: name, origin: origin, fail: fail)
        }
        return try product(body, start: start, name: name, origin: origin, fail: fail)
    }

    static let severityKeyword = Array("severity(".utf8)

    /// How a problem with a definition is thrown: at `offset` in the setting, with the usual form as hint.
    struct Failing {
        let origin: SettingOrigin?

        func callAsFunction(_ message: String, at offset: Int = 0, length: Int? = nil) -> SettingError {
            SettingError(Diagnostic(.badIndicatorDefinition, message, hint: IndicatorDefinition.form, origin: origin, offset: offset, length: length))
        }
    }

    /// `severity(A=W, B=W, …)`: `body` is the formula, which starts at `start` in the setting.
    static func severity(_ body: [UInt8], start: Int, name: String, origin: SettingOrigin?,
                         fail: Failing) throws(SettingError) -> IndicatorDefinition {
        guard body.last == ASCII.closeParen else {
            throw fail("severity( is not closed with )", at: start + body.count - 1)
        }
        var terms: [SeverityTerm] = []
        var offsets: [Int] = []
        for (pieceStart, piece) in pieces(body, from: severityKeyword.count, to: body.count - 1, separator: ASCII.comma) {
            let lead = piece.prefix { ASCII.isBlank($0) }.count
            let at = start + pieceStart
            guard let equalsAt = piece.firstIndex(of: ASCII.equals) else {
                throw fail("each part of severity(…) is COLUMN=WEIGHT, not \(quoted(String(decoding: piece, as: UTF8.self)))",
                           at: at, length: max(1, piece.count))
            }
            // `piece` keeps `body`'s indices: `eq` is the offset of = within the piece.
            let eq = equalsAt - piece.startIndex
            let column = String(decoding: piece[..<equalsAt], as: UTF8.self).trimmingBlanks
            if column.isEmpty { throw fail("a severity weight needs a column name before =", at: at) }
            let weightText = String(decoding: piece[(equalsAt + 1)...], as: UTF8.self)
            let weightLead = weightText.utf8.prefix { ASCII.isBlank($0) }.count
            let weight = try WeightSetting.exact(weightText.trimmingBlanks, .badIndicatorDefinition, at: origin,
                                                 offset: at + eq + 1 + weightLead, hint: form) {
                "the severity weight for \(column) is not a number: \($0)"
            }
            if weight.isNegative {
                throw fail("the severity weight for \(column) is negative", at: at + eq + 1 + weightLead)
            }
            if terms.contains(where: { $0.column == column }) {
                throw fail("\(column) appears twice in severity(…)", at: at + lead, length: column.utf8.count)
            }
            terms.append(SeverityTerm(column: column, weight: weight))
            offsets.append(at + lead)
        }
        if terms.isEmpty { throw fail("severity() needs at least one COLUMN=WEIGHT", at: start) }
        return IndicatorDefinition(name: name, formula: .severity(terms), origin: origin, columnOffsets: offsets)
    }

    /// `A × B` (or `A * B`).
    static func product(_ body: [UInt8], start: Int, name: String, origin: SettingOrigin?,
                        fail: Failing) throws(SettingError) -> IndicatorDefinition {
        // A product: columns separated by × (U+00D7) or *.
        var columns: [String] = []
        var offsets: [Int] = []
        var pieceStart = 0
        var index = 0
        func take(_ upTo: Int) throws(SettingError) {
            let piece = body[pieceStart..<upTo]
            let column = String(decoding: piece, as: UTF8.self).trimmingBlanks
            let lead = piece.prefix { ASCII.isBlank($0) }.count
            if column.isEmpty { throw fail("a column name is missing in the product", at: start + pieceStart) }
            if column.utf8.contains(ASCII.openParen) {
                throw fail("the only formulas are COLUMN × COLUMN and severity(…)", at: start + pieceStart + lead,
                           length: column.utf8.count)
            }
            columns.append(column)
            offsets.append(start + pieceStart + lead)
        }
        while index < body.count {
            if body[index] == ASCII.asterisk {
                try take(index)
                index += 1
                pieceStart = index
            } else if body[index] == 0xC3, index + 1 < body.count, body[index + 1] == 0x97 {
                try take(index)
                index += 2
                pieceStart = index
            } else {
                index += 1
            }
        }
        try take(body.count)
        if columns.count < 2 {
            throw fail("\(quoted(String(decoding: body, as: UTF8.self))) is one column; a derived indicator multiplies columns (×) or weighs them (severity)",
                       at: start, length: body.count)
        }
        return IndicatorDefinition(name: name, formula: .product(columns), origin: origin, columnOffsets: offsets)
    }

    /// `bytes[from..<to]` split at `separator`, each piece with its offset in `bytes`.
    private static func pieces(_ bytes: [UInt8], from: Int, to: Int, separator: UInt8) -> [(Int, ArraySlice<UInt8>)] {
        var out: [(Int, ArraySlice<UInt8>)] = []
        var start = from
        for index in from...to where index == to || bytes[index] == separator {
            let piece = bytes[start..<index]
            if !(index == to && out.isEmpty && piece.allSatisfy(ASCII.isBlank)) { out.append((start, piece)) }
            start = index + 1
        }
        return out
    }

    /// The indicator's values for every area, computed exactly from the file's columns.
    public func evaluate(_ table: AreaTable) -> (Indicator?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parts: [[Rational]] = []
        for (position, column) in columns.enumerated() {
            let offset = position < columnOffsets.count ? columnOffsets[position] : 0
            let (values, problems) = table.numbers(named: column, origin: origin, offset: offset)
            diagnostics += problems
            if let values { parts.append(values) }
        }
        guard diagnostics.isEmpty, parts.count == columns.count else { return (nil, diagnostics) }
        var values: [Rational] = []
        values.reserveCapacity(table.areas.count)
        for area in table.areas.indices {
            switch formula {
            case .product:
                var product = Rational.one
                for part in parts { product *= part[area] }
                values.append(product)
            case let .severity(terms):
                var sum = Rational.zero
                for (k, term) in terms.enumerated() { sum += term.weight * parts[k][area] }
                values.append(sum)
            }
        }
        let total = Rational.sum(values)
        if total.isZero && !table.areas.isEmpty {
            return (nil, [Diagnostic(
                .zeroIndicatorTotal, "\(name) = \(formulaText) is zero for every area, so no area has a share of it",
                hint: "check the columns it is made from, or leave it out of the weights", origin: origin)])
        }
        return (Indicator(name: name, values: values, total: total), [])
    }
}

/// One category of a severity-weighted count: its column and how much each offence in it counts.
public struct SeverityTerm: Sendable, Equatable {
    public let column: String
    public let weight: Rational
}
