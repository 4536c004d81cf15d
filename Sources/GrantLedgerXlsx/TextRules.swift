import GrantLedgerCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C strings end at the first NUL: text containing one would be silently cut short, so refuse it.
/// `what` is only worked out for the error: this runs for every text cell of a million-row sheet.
func requirePlainText(_ text: String, _ what: @autoclosure () -> String) throws(WorkbookError) {
    let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
    }
        ?? text.utf8.contains(0)
    if hasNUL { throw .invalidArgument("\(what()) contains a NUL character") }
}

/// Excel's rules for a defined name, which libxlsxwriter 1.1 only partly checks (it lets a space
/// through, which Excel does not): a letter, `_` or `\` first; then letters, digits, `_`, `.` or
/// `\`; at most 255 characters; and nothing that reads as a cell reference (`FY2019`, `R1C1`, a
/// lone `R` or `C`).
func requireDefinedName(_ name: String) throws(WorkbookError) {
    func refuse(_ why: String) -> WorkbookError { .invalidArgument("defined name '\(name)': \(why)") }
    guard let first = name.first else { throw refuse("empty") }
    guard name.count <= 255 else { throw refuse("longer than 255 characters") }
    guard first.isLetter || first == "_" || first == "\\" else {
        throw refuse("must start with a letter, '_' or '\\'")
    }
    for character in name.dropFirst()
    where !(character.isLetter || character.isNumber || character == "_" || character == "." || character == "\\") {
        throw refuse("'\(character)' is not allowed (letters, digits, '_', '.' and '\\' are)")
    }
    if (try? CellRef(a1: name)) != nil { throw refuse("reads as a cell reference") }
    let upper = name.uppercased()
    if upper == "R" || upper == "C" { throw refuse("R and C are reserved") }
    // R1C1-style references: R, optional digits, C, optional digits.
    if let c = upper.firstIndex(of: "C"), upper.hasPrefix("R"),
       upper[upper.index(after: upper.startIndex)..<c].allSatisfy(\.isASCIIDigit),
       upper[upper.index(after: c)...].allSatisfy(\.isASCIIDigit)
    {
        throw refuse("reads as an R1C1 reference")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
