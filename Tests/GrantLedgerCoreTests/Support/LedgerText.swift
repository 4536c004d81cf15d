import Foundation
import Testing
@testable import GrantLedgerCore

/// Helpers so that a test reads like a ledger: load text, then look at codes and the model.
enum LedgerText {
    /// Reads and checks `text` as if it were the file `name`.
    static func load(_ text: String, name: String = "test.ledger") -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        LedgerLoader.load(text: text, name: name)
    }

    /// Reads without running the checks.
    static func read(_ text: String, name: String = "test.ledger") -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        LedgerReader.read(text: text, name: name)
    }

    /// The codes reported for `text`, in the renderer's order.
    static func codes(_ text: String) -> [DiagnosticCode] {
        DiagnosticRenderer.ordered(load(text).diagnostics).map(\.code)
    }

    /// Declarations that most transaction tests need: a funder, a grant with two lines, an area,
    /// an initiative and a few accounts.
    static let declarations = """
        funder home-office  Home Office

        area notts  Nottinghamshire
          type  county
        area bassetlaw  Bassetlaw
          type    district
          within  notts

        initiative cctv-upgrade  Town-centre CCTV upgrade
          area  bassetlaw

        grant ss4  Safer Streets round 4
          funder  home-office
          period  2022-07-01..2023-09-30
          award   £1,000.00
          line cctv      £600.00  CCTV cameras
          line lighting  £400.00  Street lighting

        account assets:bank
        account income:grants
        account expenses:cctv
        account expenses:lighting

        """
}

/// A scratch folder under the system's temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/grantledger-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let full = path + "/" + relative
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }
}

extension Array where Element == Diagnostic {
    var codes: [DiagnosticCode] { DiagnosticRenderer.ordered(self).map(\.code) }
    func first(_ code: DiagnosticCode) -> Diagnostic? { DiagnosticRenderer.ordered(self).first { $0.code == code } }
}
