extension LedgerParser {
    /// A shape's one field: `monthly` and twelve weights (April to March) or `quarterly` and four
    /// (Q1 to Q4), each a whole number, decimal, fraction or percentage, none negative, not all nothing.
    func readShapeField(_ shape: inout ProfileShape, key: String, valueRange: Range<Int>, _ cursor: LineCursor, _ number: Int,
                        needValue: () -> Bool, unknownField: (String) -> Void) {
        let length: FinancialPeriod.Length
        switch key {
        case "monthly": length = .month
        case "quarterly": length = .quarter
        default: unknownField("monthly or quarterly, then the weights"); return
        }
        guard needValue() else { return }
        if shape.length != nil {
            report(.badProfile, "a shape is monthly or quarterly, not both", hint: "keep one line of weights",
                   cursor, number, valueRange.lowerBound, valueRange.count)
            return
        }
        var words = LineCursor(over: valueRange, of: cursor)
        var weights: [Rational] = []
        while words.position < valueRange.upperBound {
            let range = words.word(); words.skipBlanks()
            guard !range.isEmpty else { break }
            guard let weight = try? ExactNumberParser.parseWeight(cursor.string(range)), !weight.isNegative else {
                report(.badProfile, "\"\(cursor.string(range))\" is not a weight", hint: "write a number that is not negative, such as 2, 1.5, 1/3 or 25%",
                       cursor, number, range.lowerBound, range.count)
                return
            }
            weights.append(weight)
        }
        guard weights.count == length.perYear else {
            let periods = length == .month ? "month, April to March" : "quarter, Q1 (April to June) to Q4"
            report(.badProfile, "a \(key) shape has \(length.perYear) weights, not \(weights.count)", hint: "give one weight for each \(periods)",
                   cursor, number, valueRange.lowerBound, valueRange.count)
            return
        }
        guard weights.contains(where: { !$0.isZero }) else {
            report(.badProfile, "a shape's weights cannot all be nothing", hint: "give some period a weight above 0",
                   cursor, number, valueRange.lowerBound, valueRange.count)
            return
        }
        shape.length = length
        shape.weights = weights
    }
}
