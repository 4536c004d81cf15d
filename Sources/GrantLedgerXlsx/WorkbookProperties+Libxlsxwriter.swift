import CXlsxWriter
import GrantLedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Core's File › Properties as libxlsxwriter records them.
///
/// `created` is required, never "now": libxlsxwriter stamps the current time into
/// `docProps/core.xml` when it is left unset, and then the same inputs would not give the same bytes.
extension WorkbookProperties {
    /// Seconds since 1970-01-01T00:00:00Z for `lxw_doc_properties.created` (midnight UTC of the
    /// as-of day); never 0, which the library reads as "use the current time", so 1970-01-01 is
    /// stamped one second past midnight (still that day, and the same bytes every run).
    func creationTimestamp() throws(WorkbookError) -> Int {
        let days = Int(created.daysSinceEpoch)
        guard days >= -25_567 /* 1900-01-01 */, days <= Int(Day.latest.daysSinceEpoch) else {
            throw .invalidArgument("creation date \(created) cannot be recorded: a workbook's dates run from 1900 to 9999")
        }
        return days == 0 ? 1 : days * 86_400
    }

    /// A property's text as it can be written: controls shown escaped, at most 255 characters
    /// (libxlsxwriter counts code points, Excel UTF-16 units: the ellipsis keeps within both).
    static func writable(_ text: String) -> String {
        HeaderFooter.clipped(VisibleText.writable(text).text, toFit: 255) { HeaderFooter.length(String($0)) }
    }

    /// Records these properties, stamped `created` (from `creationTimestamp()`), in `workbook`.
    func record(in workbook: UnsafeMutablePointer<lxw_workbook>, created: Int) throws(WorkbookError) {
        // Properties are XML the library does not escape for controls: any such character is shown
        // escaped, and text past Excel's 255 characters for a property is clipped with "…".
        let texts = [title, subject, author, company, keywords, comments].map { $0.map(Self.writable) }
        // lxw_doc_properties wants mutable C strings; libxlsxwriter copies them, so they are freed here.
        let copies = texts.map { $0.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        var doc = lxw_doc_properties()
        doc.title = copies[0]
        doc.subject = copies[1]
        doc.author = copies[2]
        doc.company = copies[3]
        doc.keywords = copies[4]
        doc.comments = copies[5]
        doc.created = time_t(created)
        try check(workbook_set_properties(workbook, &doc), "document properties")
        for property in custom {
            let name = Self.writable(property.name), value = Self.writable(property.value)
            try check(workbook_set_custom_property_string(workbook, name, value), "custom property '\(name)'")
        }
    }
}
