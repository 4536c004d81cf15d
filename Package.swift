// swift-tools-version: 6.1
import PackageDescription

// Layers point one way: grantledger (CLI) → GrantLedgerXlsx → GrantLedgerCore.
// The core is pure Swift (no C, never prints); only GrantLedgerXlsx touches libxlsxwriter, and only
// there does money become a Double (`Double(pence) / 100`), at the cell.
let package = Package(
    name: "grantledger",
    products: [
        .executable(name: "grantledger", targets: ["GrantLedgerCLI"]),
        .library(name: "GrantLedgerCore", targets: ["GrantLedgerCore"]),
        .library(name: "GrantLedgerXlsx", targets: ["GrantLedgerXlsx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Exact rationals fall back to arbitrary precision when Int128 would overflow.
        .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.1"),
        // System calls (descriptors, errno, stat) for the one home of file reading and writing.
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        // SHA-256 of every input, for the Provenance sheet.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // Reading .xlsx workbooks (area data, finance exports): the zip container, from bytes in memory.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "GrantLedgerCore",
            dependencies: [
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // libxlsxwriter's choice of deflate level, made ours (see Sources/CXlsxDeflate/xlsx_deflate.c).
        .target(name: "CXlsxDeflate", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "GrantLedgerXlsx",
            // BigInt: exact fractions are rounded to the nearest double at the cell, bit by bit.
            dependencies: ["GrantLedgerCore", "CXlsxWriter", "CXlsxDeflate", .product(name: "BigInt", package: "BigInt")]
        ),
        .executableTarget(
            name: "GrantLedgerCLI",
            dependencies: [
                "GrantLedgerCore",
                "GrantLedgerXlsx",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: starting another program, and the one rule for an oracle
        // that is not installed (a failure under CI, a listed skip elsewhere).
        .target(name: "GrantLedgerTestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "GrantLedgerCoreTests",
            dependencies: [
                "GrantLedgerCore", "GrantLedgerTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "BigInt", package: "BigInt"),
                // Tests build small workbooks in memory from inline XML.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "GrantLedgerCLITests",
            dependencies: ["GrantLedgerCore", "GrantLedgerTestSupport"]
        ),
        .testTarget(
            name: "GrantLedgerXlsxTests",
            dependencies: [
                "GrantLedgerXlsx", "GrantLedgerCore", "GrantLedgerTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
    ]
)
