/// The workbook's File › Properties, plus named custom properties.
///
/// `created` is required, never "now": libxlsxwriter stamps the current time into
/// `docProps/core.xml` when it is left unset, and then the same inputs would not give the same bytes.
public struct DocumentProperties: Sendable {
    public var title: String
    public var subject: String?
    public var author: String
    public var company: String?
    public var keywords: String?
    public var comments: String?
    /// Written as midnight UTC of this day (the `--as-of` date).
    public var created: WorkbookDate
    /// Shown under File › Properties › Custom, in this order; where provenance goes
    /// (tool version, command, input hashes).
    public var custom: [CustomProperty]

    public init(
        title: String, subject: String? = nil, author: String, company: String? = nil,
        keywords: String? = nil, comments: String? = nil, created: WorkbookDate,
        custom: [CustomProperty] = []
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.comments = comments
        self.created = created
        self.custom = custom
    }

    /// Seconds since 1970-01-01T00:00:00Z for `lxw_doc_properties.created`; never 0, which the
    /// library reads as "use the current time".
    func creationTimestamp() throws(WorkbookError) -> Int {
        let (seconds, overflow) = created.daysSinceUnixEpoch.multipliedReportingOverflow(by: 86_400)
        guard !overflow, seconds != 0, created >= WorkbookDate(daysSinceUnixEpoch: -25_567) /* 1900-01-01 */,
              created.daysSinceUnixEpoch <= 2_932_896 /* 9999-12-31 */
        else {
            throw .invalidArgument(
                "creation date \(created) cannot be recorded (1970-01-01 means \"now\" to libxlsxwriter)")
        }
        return seconds
    }
}
