/// What the one door for input files lets through: how large a file may be, and whether an
/// `include` may reach outside the folders of the files named on the command line.
public struct InputPolicy: Sendable, Hashable {
    /// Files larger than this are refused before a byte is read (a 5 GB file named by mistake must
    /// not be read until the machine runs out of memory). Generous: a million transactions are
    /// about 250 MB.
    public var maximumFileSize: Int
    /// An `include` with an absolute path, or one that leaves the tree of the files named on the
    /// command line, is an error unless this is set (`--allow-includes-anywhere`).
    public var includesAnywhere: Bool
    /// At most this many problems are kept and shown; the rest are counted by code on one line, so
    /// memory stays bounded however many problems a file has.
    public var maximumProblems: Int
    /// A folder named as the books is walked for `.ledger` files through at most this many entries:
    /// naming `/` by mistake is a quick error, not a walk of the whole machine.
    public var maximumFolderEntries: Int
    /// How the hints name the settings that lift these limits (the caller's options, or plain words).
    public var wording: InputWording

    public static let defaultMaximumFileSize = 4 << 30
    public static let defaultMaximumProblems = 500
    public static let defaultMaximumFolderEntries = 100_000

    public init(maximumFileSize: Int = InputPolicy.defaultMaximumFileSize, includesAnywhere: Bool = false,
                maximumProblems: Int = InputPolicy.defaultMaximumProblems,
                maximumFolderEntries: Int = InputPolicy.defaultMaximumFolderEntries,
                wording: InputWording = InputWording()) {
        // Past 2^60 bytes no file exists; the cap keeps every size sum far from overflow.
        self.maximumFileSize = min(max(0, maximumFileSize), 1 << 60)
        self.includesAnywhere = includesAnywhere
        self.maximumProblems = max(1, maximumProblems)
        self.maximumFolderEntries = max(1, maximumFolderEntries)
        self.wording = wording
    }

    /// A size as people write it: `250M`, `4G`, `1048576`, `512K` (powers of 1024).
    public static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text)
        var scale = 1
        if let last = digits.last?.uppercased() {
            switch last {
            case "K": scale = 1 << 10
            case "M": scale = 1 << 20
            case "G": scale = 1 << 30
            case "T": scale = 1 << 40
            default: break
            }
            if scale != 1 { digits = digits.dropLast() }
            if digits.last?.uppercased() == "I" || digits.last?.uppercased() == "B" { return nil }
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow || product <= 0 ? nil : product
    }

    /// `4 GiB`, `250 MiB`, `1,000 bytes`: a size for a message.
    public static func describe(_ bytes: Int) -> String {
        for (unit, shift) in [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit)"
        }
        for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift {
            // The part past the whole units is below 2^30, so ten times it cannot overflow.
            let whole = bytes >> shift, tenth = ((bytes - (whole << shift)) * 10) >> shift
            return "\(whole).\(tenth) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
