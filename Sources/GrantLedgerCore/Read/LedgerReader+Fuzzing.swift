/// The split reader's size threshold, lowered from outside the module: the fuzz harness
/// (Tests/Fuzz/Sources/FuzzLedgerSplit) must cut inputs of a few hundred bytes, since a fuzzer
/// cannot mutate the 8 MiB a file needs to be split in normal use. An SPI, not `@testable`: the
/// harnesses are built optimised, where testable imports are not available, and no CLI user sees it.
extension LedgerReader {
    /// Reads the books at `paths` as `read(paths:sources:)` does, cutting every named file of at
    /// least `minimumSize` bytes into at most `ranges` ranges, each parser keeping `blockSize`
    /// transactions or postings per block.
    @_spi(Fuzzing)
    public static func read(paths: [String], sources: SourceFiles, splittingFilesOf minimumSize: Int,
                            ranges: Int, blockSize: Int) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        read(paths: paths, sources: sources,
             splitting: FileSplitting(minimumSize: minimumSize, maximumRanges: ranges, blockSize: max(blockSize, 1)))
    }
}
