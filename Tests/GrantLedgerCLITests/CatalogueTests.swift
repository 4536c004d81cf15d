import Foundation
import GrantLedgerCore
import Testing

/// Tests/ErrorCatalogue/: one reproducer per diagnostic code, with the exact stderr of the command
/// that shows it (`grantledger check <code>.ledger`, or the arguments in `<code>.args`). Adding a code
/// without a reproducer fails here.
@Suite("Error catalogue")
struct CatalogueTests {
    static let folder = Grantledger.packageRoot.appendingPathComponent("Tests/ErrorCatalogue")

    static func file(_ code: DiagnosticCode, _ suffix: String) -> URL {
        folder.appendingPathComponent(code.rawValue + "." + suffix)
    }

    /// The whole command line after `grantledger`: the words of <code>.args when there is one (one
    /// argument per line, so an argument may hold spaces), else `check <code>.ledger`.
    static func arguments(_ code: DiagnosticCode) throws -> [String] {
        let args = file(code, "args")
        guard FileManager.default.fileExists(atPath: args.path) else {
            return ["check", "Tests/ErrorCatalogue/\(code.rawValue).ledger"]
        }
        return try String(contentsOf: args, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The environment of <code>.env (KEY=VALUE lines): how a write failure (a full disk) is shown on
    /// any machine, through the fault the one output door can be told to meet.
    static func environment(_ code: DiagnosticCode) throws -> [String: String] {
        let env = file(code, "env")
        guard FileManager.default.fileExists(atPath: env.path) else { return [:] }
        var values: [String: String] = [:]
        for line in try String(contentsOf: env, encoding: .utf8).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    @Test func everyCodeHasAReproducerAndItsExpectedOutput() {
        for code in DiagnosticCode.allCases {
            let reproducer = ["ledger", "args"].contains { FileManager.default.fileExists(atPath: Self.file(code, $0).path) }
            #expect(reproducer, "no \(code.rawValue).ledger or \(code.rawValue).args")
            #expect(FileManager.default.fileExists(atPath: Self.file(code, "expected").path), "no \(code.rawValue).expected")
        }
    }

    @Test func everyFileInTheCatalogueBelongsToACode() throws {
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        let extras: Set<String> = ["README.md", "regenerate.sh", ".gitattributes"]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where !extras.contains(name) {
            let stem = (name as NSString).deletingPathExtension
            #expect(codes.contains(stem), "\(name) is not named after a diagnostic code")
        }
    }

    @Test func theReadmeSaysHowEachCodeIsReproduced() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(readme.contains("`\(code.rawValue)`"), "README.md does not mention \(code.rawValue)")
        }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func theReproducerGivesExactlyTheExpectedOutput(_ code: DiagnosticCode) throws {
        let expected = try String(contentsOf: Self.file(code, "expected"), encoding: .utf8)
        let result = try Grantledger.run(Self.arguments(code), environment: Self.environment(code))
        #expect(result.stderr == expected, "regenerate with Tests/ErrorCatalogue/regenerate.sh, then read the diff")
        #expect(result.status == (code.severity == .error ? 2 : 1))
        // The reproducer triggers its own code and no other.
        let reported = Set(result.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.range(of: "error[") ?? line.range(of: "finding["),
                  let close = line[open.upperBound...].firstIndex(of: "]") else { return nil }
            return String(line[open.upperBound..<close])
        })
        #expect(reported == [code.rawValue])
        #expect(result.stderr.hasSuffix(code.severity == .error ? "1 error, 0 findings\n" : "0 errors, 1 finding\n"))
        // Findings still print the summary of the books; bad input does not.
        #expect(result.stdout.isEmpty == (code.severity == .error))
    }
}
