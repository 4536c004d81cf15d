import Foundation

/// The package's folder, found from this file (Tests/TestSupport/), so tests find the project's
/// own oracle scripts, ledgers and examples wherever the clone is.
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
