import Foundation
import GrantLedgerCore
import Testing

/// Tests/ErrorCatalogue/: one reproducer per diagnostic code, with the exact stderr of the command
/// that shows it (`grantledger check <code>.ledger`, or the arguments in `<code>.args`), and one per
/// variant (`<code>.<variant>.ledger`) where a code covers several mistakes worded apart. Adding a
/// code without a reproducer fails here.
@Suite("Error catalogue")
struct CatalogueTests {
    static let folder = Grantledger.packageRoot.appendingPathComponent("Tests/ErrorCatalogue")

    static func file(_ code: DiagnosticCode, _ suffix: String) -> URL { file(code.rawValue, suffix) }

    /// `stem` is a code, or a code and a variant (`bad-amount.three-decimals`).
    static func file(_ stem: String, _ suffix: String) -> URL {
        folder.appendingPathComponent(stem + "." + suffix)
    }

    /// The code a file of the catalogue belongs to: its name up to the first point
    /// (`bad-amount.three-decimals.ledger` is `bad-amount`'s).
    static func code(ofFile name: String) -> String { String(name.prefix { $0 != "." }) }

    /// The variants: a code's further reproducers, where one code covers several mistakes each worded
    /// apart (`<code>.<variant>.ledger` or `.args`), found in the folder.
    static let variants: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.compactMap { name -> String? in
            let parts = name.split(separator: ".")
            guard parts.count == 3, ["ledger", "args"].contains(parts[2]) else { return nil }
            return "\(parts[0]).\(parts[1])"
        }).sorted()
    }()

    /// The whole command line after `grantledger`: the words of <stem>.args when there is one (one
    /// argument per line, so an argument may hold spaces), else `check <stem>.ledger`.
    static func arguments(_ stem: String) throws -> [String] {
        let args = file(stem, "args")
        guard FileManager.default.fileExists(atPath: args.path) else {
            return ["check", "Tests/ErrorCatalogue/\(stem).ledger"]
        }
        return try String(contentsOf: args, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The environment of <stem>.env (KEY=VALUE lines): how a write failure (a full disk) is shown on
    /// any machine, through the fault the one output door can be told to meet.
    static func environment(_ stem: String) throws -> [String: String] {
        let env = file(stem, "env")
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
            #expect(codes.contains(Self.code(ofFile: name)), "\(name) is not named after a diagnostic code")
        }
        for variant in Self.variants {
            #expect(FileManager.default.fileExists(atPath: Self.file(variant, "expected").path), "no \(variant).expected")
        }
    }

    @Test func theReadmeSaysHowEachCodeIsReproduced() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        for name in DiagnosticCode.allCases.map(\.rawValue) + Self.variants {
            #expect(readme.contains("`\(name)`"), "README.md does not mention \(name)")
        }
    }

    @Test(arguments: DiagnosticCode.allCases.map(\.rawValue) + variants)
    func theReproducerGivesExactlyTheExpectedOutput(_ stem: String) throws {
        let code = try #require(DiagnosticCode(rawValue: Self.code(ofFile: stem)))
        let expected = try String(contentsOf: Self.file(stem, "expected"), encoding: .utf8)
        let result = try Grantledger.run(Self.arguments(stem), environment: Self.environment(stem))
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
