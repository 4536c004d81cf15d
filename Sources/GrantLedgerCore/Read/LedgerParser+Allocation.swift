/// An agreed allocation's fields: its grant and line, the day it was agreed, how it was worked out,
/// and a share for each area (`area ashfield  £43,230.00`). See `AgreedAllocation`.
extension LedgerParser {
    func readAllocationField(_ allocation: inout AgreedAllocation, key: String, value: String, valueRange: Range<Int>,
                             _ line: LineCursor, _ number: Int, needValue: () -> Bool,
                             reference: (PendingReference.Kind) -> String?, day: (Range<Int>) -> Day?, unknownField: (String) -> Void) {
        switch key {
        case "grant": allocation.grantID = reference(.grant)
        case "line":
            guard needValue() else { return }
            allocation.lineID = value
            allocation.lineLocation = SourceLocation(file: file, line: number, column: valueRange.lowerBound + 1)
        case "agreed": if needValue() { allocation.agreed = day(valueRange) }
        case "scenario": if needValue() { allocation.scenario = value }
        case "area": readShare(&allocation, valueRange, line, number, needValue: needValue)
        default: unknownField("grant, line, agreed, scenario, and area ID AMOUNT for each area's share")
        }
    }

    private func readShare(_ allocation: inout AgreedAllocation, _ valueRange: Range<Int>, _ line: LineCursor, _ number: Int,
                           needValue: () -> Bool) {
        guard needValue() else { return }
        var parts = LineCursor(over: valueRange, of: line)
        let idRange = parts.word(); parts.skipBlanks()
        let amountRange = parts.textUntilComment()
        guard !idRange.isEmpty, !amountRange.isEmpty else {
            report(.badSyntax, "an area's share is its id and an amount", hint: "write area ashfield  £43,230.00",
                   line, number, valueRange.lowerBound, max(1, valueRange.count))
            return
        }
        guard let amount = nonNegativeMoney(amountRange, line, number, what: "an area's share") else { return }
        let id = line.string(idRange)
        let location = SourceLocation(file: file, line: number, column: idRange.lowerBound + 1)
        if allocation.shares.contains(where: { $0.areaID == id }) {
            report(.duplicateSetting, "area \(id) has two shares in allocation \(allocation.id)", hint: "keep one share an area",
                   line, number, idRange.lowerBound, idRange.count)
            return
        }
        references.append(PendingReference(kind: .area, id: id, location: location, excerpt: String(decoding: line.bytes, as: UTF8.self)))
        allocation.shares.append(AgreedAllocation.Share(areaID: id, amount: amount, location: location))
    }
}
