/// The calendar's events as an iCalendar file (RFC 5545), one all-day event each, for a calendar
/// program: `report calendar --format ics`. Written by hand because it is small and must be
/// byte-identical run to run: each event's UID is a digest of what the event is (`Event.identity`: a
/// grant, a kind and a period, never its wording or status), so a calendar updates it from one run to
/// the next, and its DTSTAMP is the report's as-of day (today unless `--as-of` is given: give it for
/// the same bytes another day). Text is escaped (`\\`, `;`, `,`, new lines) and lines are folded at
/// 75 octets, never inside a UTF-8 character; lines end CRLF, as the standard asks.
public enum CalendarWriter {
    /// The events as a calendar named `name`, stamped `stamp` (the as-of day).
    public static func render(_ events: [CalendarReport.Event], name: String, stamp: Day) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//grantledger//calendar//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escaped(name)]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + SourceFile.sha256(of: Array(event.identity.utf8)).prefix(32) + "@grantledger",
                "DTSTAMP:" + compact(stamp) + "T000000Z",
                // An all-day DTSTART alone lasts the day (RFC 5545 3.6.1): no DTEND, which on 9999-12-31 could not be written.
                "DTSTART;VALUE=DATE:" + compact(event.date),
                "SUMMARY:" + escaped("\(event.grantID): \(event.kind.rawValue)"),
                "DESCRIPTION:" + escaped(event.detail),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `2023-03-31` as `20230331`.
    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// RFC 5545 TEXT: backslash, semicolon and comma escaped, a new line as `\n`, other controls dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A content line folded at 75 octets: CRLF and a space before each further part, cut between characters.
    static func folded(_ line: String) -> String {
        var parts: [String] = []
        var current = String.UnicodeScalarView(), octets = 0
        // By scalars, not Characters: a character with many combining marks is longer than a line.
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            let limit = parts.isEmpty ? 75 : 74
            if octets + size > limit {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                octets = 0
            }
            current.append(scalar)
            octets += size
        }
        parts.append(String(current))
        return parts.joined(separator: "\r\n ")
    }
}
