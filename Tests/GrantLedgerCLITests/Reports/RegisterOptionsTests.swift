import Testing

/// `report register`'s query on the command line: its text held to the one text rule, so nothing
/// from an option reaches the terminal raw, and an empty payee refused rather than matching nothing.
@Suite("register options")
struct RegisterOptionsTests {
    @Test(arguments: [("Tr\u{1B}[31ment", "bad-text", "--payee contains the control character U+001B"),
                      ("", "bad-value", "--payee needs some text to look for"),
                      ("  ", "bad-value", "--payee needs some text to look for")])
    func aPayeeThatCannotBeLookedForIsALocatedError(_ payee: String, _ code: String, _ message: String) throws {
        let result = try Grantledger.run(["report", "register", "--payee", payee])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("command line:1:") && result.stderr.contains("error[\(code)]: \(message)"), "\(result.stderr)")
    }

    @Test func theTitleSaysWhatTheRegisterHolds() throws {
        let result = try Grantledger.run(["report", "register", "--grant", "pcc-snb-2019-20", "--line", "youth-crime", "--payee", "trent"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Register (grant pcc-snb-2019-20; line youth-crime; payee containing \"trent\")\n"))
    }

    @Test(arguments: [(["report", "grants", "--as-of", "garbage"], "--as-of is an option of report budget (and of report calendar and report claims), not of report grants"),
                      (["report", "lines", "--line", "nwps"], "--line is an option of report register, not of report lines")])
    func anotherReportsOptionIsRefusedNotIgnored(_ arguments: [String], _ message: String) throws {
        let result = try Grantledger.run(arguments)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("command line:1:") && result.stderr.contains("error[bad-value]: \(message)"), "\(result.stderr)")
    }
}
