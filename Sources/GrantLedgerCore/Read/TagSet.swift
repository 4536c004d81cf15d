/// The known tags of a transaction or posting while reading, as interned symbols (`-1` when absent).
/// A posting starts from its transaction's set and overrides what it names itself.
struct TagSet {
    var grant: Int32 = -1
    /// `match:GRANT`: the posting records match funding for that grant (never its spend).
    var match: Int32 = -1
    var matchLine: Int32 = 0
    var matchColumn: Int32 = 0
    var line: Int32 = -1
    var lineLine: Int32 = 0
    var lineColumn: Int32 = 0
    var area: Int32 = -1
    var initiative: Int32 = -1
    var spendClass: SpendClass?
    /// `supplier:` and `ref:`, as numbers in the reading ledger's `texts` (`TextStore.none` when absent):
    /// a posting copies its transaction's set, and numbers copy without touching a reference count.
    var supplier = TextStore.none
    var reference = TextStore.none
    /// `claim:PERIOD`: the posting settles the claim of its grant for that period (`GrantClaim`),
    /// tied to its claim once everything is read.
    var claim = TextStore.none
    var claimLine: Int32 = 0
    var claimColumn: Int32 = 0
}
