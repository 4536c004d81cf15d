extension CSVRecord {
    /// For a workbook's row (its fields have cells) with a value right of the header's last column
    /// (the header has `headerWidth` fields): the `ragged-row` problem at the first such cell. Nil
    /// for a CSV record, whose readers say "this row has N cells" in their own words.
    ///
    /// A sheet's rows are padded to the header's width, so a workbook row is never short; it is
    /// longer only when a cell right of the header holds something.
    public func workbookRaggedProblem(headerWidth: Int, file: String) -> Diagnostic? {
        guard fields.count > headerWidth, let first = fields.first, first.cell != nil else { return nil }
        let extra = fields[headerWidth...].first { !$0.text.isEmpty } ?? fields[headerWidth]
        let last = XlsxCellReference.columnName(headerWidth)
        return Diagnostic(
            .raggedRow, "cell \(extra.cell ?? "") holds \(quoted(extra.text)), right of the header's last column, \(last)",
            hint: "clear the cells right of column \(last), or give their column a heading",
            at: SourceLocation(file: file, line: extra.line, column: extra.column), excerpt: "")
    }
}
