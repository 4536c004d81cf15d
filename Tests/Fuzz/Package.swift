// swift-tools-version: 5.4
import PackageDescription

// libFuzzer harnesses for grantledger's readers, in a package of their own so that the root
// Package.swift carries no sanitizer flags and stays usable as a dependency.
//
// Coverage must reach GrantLedgerCore, not only the harness, so the sanitizers are not unsafeFlags
// here (those would instrument the harness alone): Tests/Fuzz/run.sh (which `make fuzz` and
// `make test` call) builds this package with `swift build -Xswiftc -sanitize=fuzzer,address`,
// which instruments every Swift module, root's included, and links libFuzzer's `main`. Each
// harness is compiled with `-parse-as-library` so it has no `main` of its own, only
// `LLVMFuzzerTestOneInput`.
//
// Tools version 5.4, below the root's: from 5.5 on, SwiftPM renames an executable's entry point
// and links `main` to it (so tests can link executables), and a harness has none; libFuzzer's
// `main` must be the one linked. SwiftPM's own `--sanitize=fuzzer` also turns that off, but it
// passes each `--sanitize` as a separate flag and swiftc keeps only the last (see run.sh).
let harnesses = [
    "FuzzMoney",          // MoneyParser on one token
    "FuzzLedger",         // a ledger read in one pass, checked and reported
    "FuzzLedgerSplit",    // the same bytes cut into ranges read on several threads, against one pass
    "FuzzScenario",       // a scenario file loaded against fixed area data and books, then allocated
    "FuzzAreas",          // area CSV read, then allocated by fixed scenarios
    "FuzzImportRules",    // an import rules file, then a fixed finance export read and planned by it
    "FuzzFinanceExport",  // a finance export CSV read by the shipped rules and planned against books
    "FuzzXlsx",           // an .xlsx workbook (whole, or a sheet's or the shared strings' XML) read as area data
]

let package = Package(
    name: "grantledger-fuzz",
    dependencies: [.package(name: "grantledger", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "GrantLedgerCore", package: "grantledger")]),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "GrantLedgerCore", package: "grantledger")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
