extension CSVField {
    /// The cell as a finance system means it: without the spaces (no-break ones too) a quoted CSV
    /// cell or a workbook's text keeps at its ends, and a whole-number cell of a workbook in its
    /// plain digits (`9210.0` and `9.21E3` are account code 9210), so `skip account 9210` and a
    /// reference already imported match however the export wrote them. A number with a fraction
    /// keeps its stored text, which the amount reader reads exactly.
    var asExportValue: CSVField {
        var text = self.text
        if kind == .number, let whole = SpreadsheetNumber.value(text)?.int64Value {
            text = String(whole)
        } else if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                  Self.isEndSpace(first) || Self.isEndSpace(last) {
            let scalars = text.unicodeScalars
            let start = scalars.firstIndex { !Self.isEndSpace($0) } ?? scalars.endIndex
            let end = scalars.lastIndex { !Self.isEndSpace($0) }.map(scalars.index(after:)) ?? start
            text = start < end ? String(scalars[start..<end]) : ""
        }
        guard text != self.text else { return self }
        return CSVField(text: text, line: line, column: column, length: length, cell: cell, kind: kind)
    }

    /// A space that is no part of a value at its ends: blanks, and the no-break spaces an export
    /// pads with (U+00A0, U+2007, U+202F).
    private static func isEndSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x2007, 0x202F: return true
        default: return false
        }
    }

    /// The first character in the cell that cannot be seen (a zero-width space, a byte-order mark,
    /// a soft hyphen, a direction mark, a no-break space), which would make a reference another
    /// reference that looks the same: nil when there is none.
    var invisibleCharacter: Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            scalar.properties.generalCategory == .format || (scalar.properties.generalCategory == .spaceSeparator && scalar != " ")
        }
    }
}

extension CSVRecord {
    /// The record with every cell `asExportValue`.
    var asExportValues: CSVRecord {
        CSVRecord(fields: fields.map(\.asExportValue), line: line, endColumn: endColumn)
    }
}
