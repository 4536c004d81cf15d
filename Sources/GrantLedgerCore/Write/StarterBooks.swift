/// The books `grantledger init` writes for a new office: a main ledger that includes the rest,
/// funders and accounts, areas to replace, one grant with its lines and profiles, one bid with its
/// history, and a few payments, so that `check`, every report and the committee workbook have
/// something to show from the first minute. Every entry is invented and labelled so, and the
/// comments teach the syntax to someone reading the files for the first time.
///
/// The texts are fixed, the year (`year`) included, never taken from the clock: the same
/// command writes the same bytes on any day. They must pass `check` with no errors and no findings;
/// a test reads them through the core reader.
public enum StarterBooks {
    /// One file of the books: its name in the folder, what it is for (said when it is written), and its text.
    public struct File: Sendable {
        public let name: String
        public let purpose: String
        public let text: String
    }

    /// The financial year the example entries are dated in (written in the texts, and in the name
    /// of the transactions' file).
    public static let year = "2026-27"

    /// The books, `main.ledger` first: the order they are listed in when written.
    public static let files: [File] = [
        File(name: "main.ledger", purpose: "the books: how they are read; includes the other files", text: main),
        File(name: "accounts.ledger", purpose: "funders, and the bank, income and spend accounts", text: accounts),
        File(name: "areas.ledger", purpose: "the areas money is spent in: replace the examples with your own", text: areas),
        File(name: "grants.ledger", purpose: "an example grant: its award, budget lines and their profiles", text: grants),
        File(name: "bids.ledger", purpose: "an example bid and its status history", text: bids),
        File(name: "transactions-2026-27.ledger", purpose: "example payments in and out, tagged with grant, line and area",
             text: transactions),
    ]

    /// Writes the books into `folder`, which must not exist yet or be empty: all of them or, on any
    /// failure, none (see `OutputFolder`).
    public static func write(to folder: String) throws(FileError) {
        try OutputFolder.create(folder, files: files.map { (name: $0.name, bytes: Array($0.text.utf8)) })
    }
}
