/// An area whose damping band (last year ± the band) holds no whole rounding unit: rounding it to
/// the unit must take it outside the band, so the allocation stops here rather than breach the band
/// silently (£1,042.53 ±3% is £1,011.2541 to £1,073.8059; in £100 units only £1,000 or £1,100 exist).
struct DampingNarrowBand {
    let area: String
    let previous: Money
    let band: Located<DampingBand>
    let unit: Located<Money>

    var diagnostic: Diagnostic {
        let last = Rational(pence: previous)
        let edges = [band.value.down.map { last * (.one - $0) }, band.value.up.map { last * (.one + $0) }]
        let range = edges.map { $0.map(ExactText.roughly) ?? "no limit" }.joined(separator: " to ")
        let unitPence = Rational(pence: unit.value)
        let below = band.value.down.map { Allocator.floorUnits(last * (.one - $0), unitPence) }
        let above = band.value.up.map { Allocator.ceilUnits(last * (.one + $0), unitPence) }
        let nearest = [below, above].compactMap { $0.map(ExactText.roughly) }.joined(separator: " or ")
        let unitSetAt = unit.origin.map { " (the unit is set at \($0.location.file):\($0.location.line))" } ?? ""
        return Diagnostic(
            .dampingBandTooNarrow,
            "\(area)'s damping band, \(range) (last year \(previous), \(band.value.description)), holds no whole unit of \(unit.value): "
                + "rounded to the unit it could only be \(nearest), outside the band",
            hint: "round to a smaller unit, for example £1.00\(unitSetAt), or widen the band so it holds a whole \(unit.value)",
            origin: band.origin)
    }
}
