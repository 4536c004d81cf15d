import FuzzSupport
import GrantLedgerCore

/// MoneyParser on one token of fuzzed bytes, through both doors (bytes and String). An amount that
/// parses must print and parse back to the same pence: the ledger writer and the importer rely on it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoney(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let fromBytes: Money?
    do throws(MoneyParseProblem) { fromBytes = try MoneyParser.parse(bytes) } catch {
        fromBytes = nil
        // The offset points into the token, so a caret can be drawn under it.
        expect(error.offset >= 0 && (size == 0 ? error.offset == 0 : error.offset < size), "problem offset \(error.offset) outside \(size) bytes")
        expect(!error.message.isEmpty && !error.hint.isEmpty, "a problem without words")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if text.utf8.elementsEqual(bytes) {
        let fromText = try? MoneyParser.parse(text)
        expect(fromText == fromBytes, "bytes and String disagree")
    }
    if let money = fromBytes {
        for style in [MoneyStyle.display, .plain] {
            let printed = money.formatted(style)
            let back = try? MoneyParser.parse(printed)
            expect(back == money, "\(money.pence)p prints as \(printed) and reads back as \(String(describing: back?.pence))")
        }
    }
    return 0
}
