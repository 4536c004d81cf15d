/// How the workbook is produced, as opposed to what it contains.
public struct WorkbookOptions: Sendable {
    /// Stream each row to a temporary file as soon as a later row is started, so memory stays flat
    /// however many spend rows are exported. The price: rows must be written top to bottom (the
    /// writer enforces it) and strings are stored inline rather than in the shared-string table.
    public var constantMemory: Bool
    /// Where libxlsxwriter keeps its scratch files; `nil` means the C library's default (/tmp on Linux;
    /// `$TMPDIR` is not consulted).
    /// Point it at a roomier disk when /tmp is small and the workbook is big.
    public var temporaryDirectory: String?

    public init(constantMemory: Bool = true, temporaryDirectory: String? = nil) {
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory
    }
}
