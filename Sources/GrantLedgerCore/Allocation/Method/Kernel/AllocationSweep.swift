/// Many weightings of the same areas and settings, one after another — what a sensitivity sweep over
/// hundreds of areas needs, and what `grantledger allocate --sweep N` measures. Each weighting is a full
/// allocation (top-slices, floors, caps, rounding), done by `AllocationKernel` when its bounds fit 128
/// bits and by the general exact path otherwise; the amounts are the same either way.
public enum AllocationSweep {
    /// Which path to use: the kernel with the general path behind it, or the general path alone (to
    /// compare the two).
    public enum Path: String, Sendable {
        case fast, general
    }

    public struct Result: Sendable, Equatable {
        public var scenarios = 0
        public var areas = 0
        public var byKernel = 0
        public var byGeneralPath = 0
        /// Weightings whose floors or caps could not be met.
        public var notPossible = 0
        /// FNV-1a over every amount of every weighting in pence, in order: equal runs give equal sums.
        public var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
    }

    /// The weights of weighting `number` for `count` indicators: whole numbers from 1 to 1,000 drawn
    /// from a fixed sequence, over their sum, so that every run sweeps the same weightings.
    public static func weights(_ number: Int, count: Int) -> (integers: [Int128], common: Int128) {
        var state = UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
        var integers: [Int128] = []
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            integers.append(Int128(1 + z % 1_000))
        }
        return (integers, integers.reduce(0, +))
    }

    /// Runs `count` weightings of `settings`' indicators over `table`. `nil`, with diagnostics, when the
    /// settings themselves are wrong (as `Allocator.allocate` would say).
    public static func run(_ table: AreaTable, _ settings: AllocationSettings, count: Int, path: Path = .fast) -> (Result?, [Diagnostic]) {
        var diagnostics = settings.problems()
        let (prepared, problems) = Allocator.prepare(table, settings)
        diagnostics += problems
        guard let inputs = prepared, !table.areas.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let kernel = path == .fast ? AllocationKernel(inputs, settings) : nil
        let indicatorCount = inputs.indicators.count
        let unit = settings.unit.value.pence
        var result = Result(areas: table.areas.count)
        var amounts: [Int64] = []
        var scratch = AllocationKernel.Scratch()
        for number in 0..<count {
            let (integers, common) = weights(number, count: indicatorCount)
            result.scenarios += 1
            if let kernel {
                do throws(AllocationKernel.Miss) {
                    try kernel.allocate(integerWeights: integers, over: common, unit: unit, into: &amounts, scratch: &scratch)
                    result.byKernel += 1
                    add(amounts, to: &result.checksum)
                    continue
                } catch {
                    if case .infeasible = error {
                        result.byKernel += 1
                        result.notPossible += 1
                        add([], to: &result.checksum)
                        continue
                    }
                }
            }
            result.byGeneralPath += 1
            var changed = settings
            changed.weights = zip(settings.weights, integers).map { setting, integer in
                WeightSetting(indicator: setting.indicator, weight: Rational(integer, common) ?? .zero, origin: setting.origin)
            }
            if let allocation = Allocator.compute(table, changed, inputs).0 {
                add(allocation.areas.map(\.amount.pence), to: &result.checksum)
            } else {
                result.notPossible += 1
                add([], to: &result.checksum)
            }
        }
        return (result, diagnostics)
    }

    /// Folds one weighting's amounts into the checksum (an impossible one as a lone marker).
    static func add(_ amounts: [Int64], to checksum: inout UInt64) {
        if amounts.isEmpty {
            checksum = (checksum ^ 0xFF) &* 0x100_0000_01B3
            return
        }
        for amount in amounts {
            var value = UInt64(bitPattern: amount)
            for _ in 0..<8 {
                checksum = (checksum ^ (value & 0xFF)) &* 0x100_0000_01B3
                value >>= 8
            }
        }
    }
}
