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
    /// How hard the package is compressed. It is a third of the time of writing a big sheet:
    /// `.fast` (deflate level 1) packages a million-row Spend sheet about four times as fast as
    /// `.standard` (zlib's default level, libxlsxwriter's only choice), for a file about a third
    /// larger. Either is a standard .xlsx, the same bytes every time for the same content.
    public var compression: Compression

    public enum Compression: Sendable {
        case fast
        case standard

        var deflateLevel: Int32 { self == .fast ? 1 : -1 }
    }

    public init(constantMemory: Bool = true, temporaryDirectory: String? = nil, compression: Compression = .fast) {
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory
        self.compression = compression
    }
}
