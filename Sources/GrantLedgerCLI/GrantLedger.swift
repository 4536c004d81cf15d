import GrantLedgerCore
@main struct Main { static func main() {} }
