/* The floor in `make bench`'s export comparison: libxlsxwriter, called from C, writing the Spend
 * sheet grantledger writes, cell for cell, from the TSV that bench.py generates beside the ledger.
 *
 * Usage: spend_floor ROWS.tsv OUT.xlsx [AS-OF]     (AS-OF: YYYY-MM-DD, default 2026-11-25)
 *        spend_floor --version                     (the libxlsxwriter loaded, as lxw_version() says)
 *
 * The TSV (see write_export_inputs in bench.py) holds the column widths, then the row count and the
 * total in pence, then per row each cell's final value: the date's Excel serial, grant, line, area,
 * initiative, supplier, description, reference, class, and the amount in pence (an empty field is a
 * cell left empty). So nothing is computed here that the library's caller would not have to
 * compute anyway, and the time is libxlsxwriter's: it is as fast as this job can go through the
 * library, which is what grantledger's export is measured against (the target: within 1.3x).
 *
 * What grantledger asks of the library, and so what this asks (Sources/GrantLedgerXlsx:
 * WorkbookWriter, WorkbookOptions, Worksheet, ModelStyles, CellStyle, PageSetup, HeaderFooter;
 * Sources/GrantLedgerCore/Workbook/SpendSheet.swift):
 *   - workbook_new_opt with constant_memory on, tmpdir a scratch folder beside the output
 *     (OUT.scratch, as grantledger's OutputFile makes), use_zip64 off;
 *   - the package deflated at level 1: grantledger stands in for minizip's zipOpenNewFileInZip4_64
 *     (Sources/CXlsxDeflate/xlsx_deflate.c) and sets the level before workbook_close. That same C file
 *     is compiled into this program (by path, not a copy) and the same level set, so the library
 *     does the same work;
 *   - the same formats, set in CellStyle.configure's order; the same ten column widths (each set on
 *     its own), panes frozen under row 5, the filter over the header and rows (set before any row),
 *     landscape A4, one page wide, row 5 repeated, the same header and footer, the defined name
 *     SpendAmounts; then row by row: the title, the subtitle merged across the columns in a row
 *     as tall as its wrapped lines, the total (a SUBTOTAL formula with its cached value where
 *     grantledger's FormulaGate allows it, else the exact value in italics, the label saying so and
 *     the note under it), the header, and the rows: dates as serials under dd/mm/yyyy, texts as
 *     strings, amounts as pence / 100 under the £ format, and a row made taller only when its
 *     supplier or description wraps (ColumnWidth.lines, done here too, per row).
 *
 * Compared with grantledger's export of the same ledger (bench.py does it in every export run, at
 * 1,000 rows, where the total is a SUBTOTAL, and 10,000, where it is the exact value; checked by
 * hand at 1, 2, 4,503 and 4,504 rows, either side of the gate's limit), the Spend sheet's XML is the
 * same element for element: every cell's value, type and look (font, fill, border, number format,
 * alignment), the column widths, row heights, merge, filter, frozen panes, page setup, header and
 * footer, and the defined names that refer to the sheet. What differs, and why:
 *   - the style numbers (s="N") and so styles.xml: grantledger's workbook has five more sheets
 *     (Summary, two Budget sheets, Bids, Provenance) whose formats are numbered with the Spend
 *     sheet's (22 cell formats there, 11 or 12 here). Resolved to what they say, the cells' styles
 *     are the same; the rows' four are numbered 1 to 4 here, 5 to 8 there, so a row is as many bytes
 *     (the two sheets' XML differ by a few dozen bytes in all);
 *   - tabSelected="1" on this sheet's view: a workbook's first sheet is the one selected, and here
 *     it is the only one;
 *   - the rest of the package: one sheet, so workbook.xml, app.xml, the sheet's part name
 *     (sheet1.xml here, sheet5.xml there), and core.xml (no title, subject or custom properties;
 *     the same creation time) differ, and there is no chart or drawing;
 *   - grantledger escapes control characters in cell text (VisibleText.cellText); the TSV has none,
 *     and this writes text as it is;
 *   - the gate that decides formula or value is grantledger's bound for positive amounts, worked in
 *     long double rather than exact rationals; the two agree except within a few parts in 10^16 of
 *     its limit (4,503 rows of positive amounts). Every amount bench.py generates is positive, so
 *     the total's magnitude is the total; a negative amount stops this program (the total row,
 *     written before the rows in constant-memory mode, would be wrong).
 */
#define _DEFAULT_SOURCE /* timegm */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "xlsx_deflate.h"

#define COLUMNS 10
#define HEADER_ROW 4
#define AMOUNT_COLUMN 9
#define SUPPLIER_COLUMN 5
#define DESCRIPTION_COLUMN 6
/* WorkbookOptions.Compression.fast. */
#define DEFLATE_LEVEL 1

static const char *TITLES[COLUMNS] = {"Date", "Grant", "Line", "Area", "Initiative", "Supplier", "Description",
                                      "Ref", "Class", "Amount"};
static const char *MONEY = "£#,##0.00;[Red]-£#,##0.00";
static const char *NOTE = "Figures in italics are exact values, not formulas: spreadsheet arithmetic (binary, about "
                          "16 significant digits) could not be relied on to reproduce them exactly.";
static const char *MONTHS[12] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"};

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "spend_floor: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void check(lxw_error code, const char *what) {
    if (code != LXW_NO_ERROR) fail(what, lxw_strerror(code));
}

/* The look of a cell, as CellStyle.configure sets it on a fresh format (same calls, same order). */
struct style {
    const char *number_format;
    int bold, italic, wrap;
    uint8_t align; /* 0: none */
    lxw_color_t fill, font_color; /* 0: none (no style here uses black) */
    int bottom, top;
    double font_size;
    int align_top;
};

static lxw_format *format(lxw_workbook *workbook, struct style s) {
    lxw_format *f = workbook_add_format(workbook);
    if (f == NULL) fail("cannot add a format", NULL);
    if (s.number_format) format_set_num_format(f, s.number_format);
    if (s.bold) format_set_bold(f);
    if (s.italic) format_set_italic(f);
    if (s.wrap) format_set_text_wrap(f);
    if (s.align) format_set_align(f, s.align);
    if (s.fill) format_set_bg_color(f, s.fill);
    if (s.font_color) format_set_font_color(f, s.font_color);
    if (s.bottom) format_set_bottom(f, LXW_BORDER_THIN);
    if (s.top) format_set_top(f, LXW_BORDER_THIN);
    if (s.font_size > 0) format_set_font_size(f, s.font_size);
    if (s.align_top) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/* Characters (code points) in UTF-8 text: what Swift's count is for the text here. */
static size_t characters(const char *text, size_t bytes) {
    size_t n = 0;
    for (size_t i = 0; i < bytes; i++) n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

/* ColumnWidth.lines: how many lines `text` wraps to in a column `width` wide (greedy, by words). */
static int lines(const char *text, double width) {
    long capacity = (long)floor((width - 1.5) * 1.18);
    if (capacity < 1) capacity = 1;
    size_t bytes = strlen(text);
    if ((long)bytes <= capacity) return 1;
    int count = 1;
    long used = 0;
    int first = 1;
    const char *word = text;
    for (;;) {
        const char *end = strchr(word, ' ');
        size_t length = characters(word, end ? (size_t)(end - word) : strlen(word));
        if (first) {
            used = (long)length;
            first = 0;
        } else if (used + 1 + (long)length <= capacity) {
            used += 1 + (long)length;
        } else {
            count++;
            used = (long)length;
        }
        while (used > capacity) {
            count++;
            used -= capacity;
        }
        if (end == NULL) break;
        word = end + 1;
    }
    return count;
}

/* ColumnWidth.rowHeight. */
static double row_height(int line_count) {
    double height = 15.0 * (line_count > 1 ? line_count : 1);
    return height < 409 ? height : 409;
}

/* SpreadsheetBound.coarse: rounded up to a 16-bit significand. */
static long double coarse(long double e) {
    if (e == 0) return 0;
    int exponent;
    long double significand = frexpl(e, &exponent);
    return ldexpl(ceill(ldexpl(significand, 16)), exponent - 16);
}

/* FormulaGate for the Spend total, SUBTOTAL over `count` positive amounts stored as doubles
 * (SpreadsheetBound.sumOfStoredMoney, then agreesToThePenny): a formula only where any
 * spreadsheet's sum is sure to come within half the oracle's tolerance and a quarter of a penny. */
static int total_may_be_formula(long long count, long long total_pence) {
    const long double u = ldexpl(1.0L, -53);
    long double magnitude = (long double)total_pence / 100.0L;
    long double carried = u * magnitude;
    long double error = count > 1 ? coarse(carried + u * (long double)(count - 1) * (magnitude + carried)) : coarse(carried);
    long double relative = magnitude * 1e-12L, absolute = 5e-7L;
    return error + error <= (relative > absolute ? relative : absolute) && error <= 1.0L / 400.0L;
}

/* `£1,234.56` (Money.formatted(.display)) for a non-negative number of pence. */
static void pounds(char *out, size_t size, long long pence) {
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%lld", pence / 100);
    size_t n = strlen(digits), j = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && n > 3 && (n - i) % 3 == 0) grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = 0;
    snprintf(out, size, "£%s.%02lld", grouped, pence % 100);
}

/* `25 November 2026` (WorkbookText.long) from YYYY-MM-DD; returns that day's midnight UTC, the
 * workbook's creation time (grantledger dates the workbook by its as-of day). */
static time_t long_date(char *out, size_t size, const char *iso) {
    int year, month, day;
    if (sscanf(iso, "%d-%d-%d", &year, &month, &day) != 3 || month < 1 || month > 12) fail("bad as-of date", iso);
    snprintf(out, size, "%d %s %d", day, MONTHS[month - 1], year);
    struct tm midnight = {.tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = day};
    return timegm(&midnight);
}

/* Splits `line` in place at tabs into `fields` (at most `wanted`); returns how many there were. */
static int split(char *line, char **fields, int wanted) {
    int n = 0;
    char *p = line;
    while (n < wanted) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL) break;
        *tab = 0;
        p = tab + 1;
    }
    char *newline = strchr(fields[n - 1], '\n');
    if (newline) *newline = 0;
    return n;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("%s\n", lxw_version());
        return 0;
    }
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: spend_floor ROWS.tsv OUT.xlsx [AS-OF]\n       spend_floor --version\n");
        return 2;
    }
    char as_of[64];
    time_t created = long_date(as_of, sizeof as_of, argc == 4 ? argv[3] : "2026-11-25");
    FILE *in = fopen(argv[1], "r");
    if (in == NULL) fail(argv[1], strerror(errno));
    static char buffer[1 << 16];
    char *fields[COLUMNS];

    double widths[COLUMNS];
    if (!fgets(buffer, sizeof buffer, in) || split(buffer, fields, COLUMNS) != COLUMNS) fail("bad widths line", argv[1]);
    double total_width = 0;
    for (int c = 0; c < COLUMNS; c++) total_width += widths[c] = strtod(fields[c], NULL);
    if (!fgets(buffer, sizeof buffer, in) || split(buffer, fields, 2) != 2) fail("bad count line", argv[1]);
    long long count = strtoll(fields[0], NULL, 10), total_pence = strtoll(fields[1], NULL, 10);
    if (count < 1 || total_pence < 0) fail("expects at least one row and positive amounts", argv[1]);

    /* As grantledger's OutputFile: libxlsxwriter's scratch files in a folder beside the output. */
    char scratch[4096];
    snprintf(scratch, sizeof scratch, "%s.scratch", argv[2]);
    if (mkdir(scratch, 0700) != 0 && errno != EEXIST) fail(scratch, strerror(errno));
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = scratch, .use_zip64 = LXW_FALSE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    if (workbook == NULL) fail("cannot start the workbook", argv[2]);
    lxw_doc_properties properties = {.created = created};
    check(workbook_set_properties(workbook, &properties), "document properties");
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Spend");
    if (sheet == NULL) fail("cannot add the sheet", NULL);

    /* ModelStyles.make for each (look, kind) the Spend sheet uses. */
    lxw_format *title = format(workbook, (struct style){.bold = 1, .font_size = 14});
    lxw_format *subtitle = format(workbook, (struct style){.wrap = 1, .font_color = 0x404040, .align_top = 1});
    lxw_format *header = format(workbook, (struct style){.bold = 1, .wrap = 1, .fill = 0xD9E1F2, .bottom = 1, .align_top = 1});
    lxw_format *header_figures = format(workbook, (struct style){.bold = 1, .wrap = 1, .align = LXW_ALIGN_RIGHT,
                                                                 .fill = 0xD9E1F2, .bottom = 1, .align_top = 1});
    lxw_format *body = format(workbook, (struct style){.align_top = 1});
    lxw_format *wrapped = format(workbook, (struct style){.wrap = 1, .align_top = 1});
    lxw_format *date = format(workbook, (struct style){.number_format = "dd/mm/yyyy", .align = LXW_ALIGN_LEFT, .align_top = 1});
    lxw_format *money = format(workbook, (struct style){.number_format = MONEY, .align_top = 1});
    lxw_format *label = format(workbook, (struct style){.bold = 1, .align_top = 1});
    /* libxlsxwriter numbers a format when a cell first uses it; grantledger's other sheets have used
     * the rows' four before the Spend sheet, as 5 to 8. Numbered first here (1 to 4), they are one
     * digit too: the same bytes per row to write and to pack. */
    lxw_format *row_formats[] = {date, body, wrapped, money};
    for (int i = 0; i < 4; i++) lxw_format_get_xf_index(row_formats[i]);

    /* WorkbookModelWriter.write(sheet): widths, panes, filter, page setup, then the rows. */
    for (int c = 0; c < COLUMNS; c++) check(worksheet_set_column(sheet, c, c, widths[c], NULL), "column width");
    worksheet_freeze_panes(sheet, HEADER_ROW + 1, 0);
    lxw_row_t first = HEADER_ROW + 1, last = (lxw_row_t)(HEADER_ROW + count);
    check(worksheet_autofilter(sheet, HEADER_ROW, 0, last, AMOUNT_COLUMN), "autofilter");
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);
    worksheet_fit_to_pages(sheet, 1, 0);
    check(worksheet_repeat_rows(sheet, HEADER_ROW, HEADER_ROW), "repeated rows");
    check(worksheet_set_header(sheet, "&LSpend&COFFICIAL"), "page header");
    check(worksheet_set_footer(sheet, "&L&A&COFFICIAL&RPage &P of &N"), "page footer");

    check(worksheet_write_string(sheet, 0, 0, "Spend", title), "title");
    char total_text[64], text[1024];
    pounds(total_text, sizeof total_text, total_pence);
    snprintf(text, sizeof text, "Every item of spend to %s, in date order: %lld posting%s totalling %s. Use the filter "
             "buttons on the headings to pick a grant, area or supplier.", as_of, count, count == 1 ? "" : "s", total_text);
    check(worksheet_set_row(sheet, 1, row_height(lines(text, total_width)), NULL), "subtitle height");
    check(worksheet_merge_range(sheet, 1, 0, 1, COLUMNS - 1, text, subtitle), "subtitle");
    double total = (double)total_pence / 100;
    if (total_may_be_formula(count, total_pence)) {
        lxw_format *sum = format(workbook, (struct style){.number_format = MONEY, .bold = 1, .top = 1, .align_top = 1});
        check(worksheet_write_string(sheet, 2, DESCRIPTION_COLUMN, "Total of the rows shown (it follows the filters):", label),
              "label");
        char formula[64];
        snprintf(formula, sizeof formula, "=SUBTOTAL(9,J%u:J%u)", first + 1, last + 1);
        check(worksheet_write_formula_num(sheet, 2, AMOUNT_COLUMN, formula, sum, total), "total");
    } else {
        lxw_format *exact = format(workbook, (struct style){.number_format = MONEY, .bold = 1, .italic = 1, .top = 1, .align_top = 1});
        lxw_format *note = format(workbook, (struct style){.italic = 1, .font_color = 0x404040});
        check(worksheet_write_string(sheet, 2, DESCRIPTION_COLUMN,
                                     "Total of all the rows (it does not follow the filters):", label), "label");
        check(worksheet_write_number(sheet, 2, AMOUNT_COLUMN, total, exact), "total");
        check(worksheet_write_string(sheet, 3, 0, NOTE, note), "note");
    }
    for (int c = 0; c < COLUMNS; c++)
        check(worksheet_write_string(sheet, HEADER_ROW, c, TITLES[c], c == AMOUNT_COLUMN ? header_figures : header), "header");

    lxw_format *styles[COLUMNS] = {date, body, body, body, body, wrapped, wrapped, body, body, money};
    lxw_row_t row = first;
    while (fgets(buffer, sizeof buffer, in)) {
        if (split(buffer, fields, COLUMNS) != COLUMNS) fail("bad row", argv[1]);
        int tall = lines(fields[DESCRIPTION_COLUMN], widths[DESCRIPTION_COLUMN]);
        if (fields[SUPPLIER_COLUMN][0]) {
            int supplier = lines(fields[SUPPLIER_COLUMN], widths[SUPPLIER_COLUMN]);
            if (supplier > tall) tall = supplier;
        }
        if (tall > 1) check(worksheet_set_row(sheet, row, row_height(tall), NULL), "row height");
        check(worksheet_write_number(sheet, row, 0, strtod(fields[0], NULL), date), "date");
        for (int c = 1; c < AMOUNT_COLUMN; c++) {
            if (fields[c][0]) check(worksheet_write_string(sheet, row, c, fields[c], styles[c]), "text");
        }
        long long pence = strtoll(fields[AMOUNT_COLUMN], NULL, 10);
        if (pence < 0) fail("a negative amount: the total row assumed none", fields[7]);
        check(worksheet_write_number(sheet, row, AMOUNT_COLUMN, (double)pence / 100, money), "amount");
        row++;
    }
    if (ferror(in)) fail(argv[1], strerror(errno));
    fclose(in);
    if (row != last + 1) fail("the row count does not match the rows", argv[1]);
    char range[64];
    snprintf(range, sizeof range, "=Spend!$J$%u:$J$%u", first + 1, last + 1);
    check(workbook_define_name(workbook, "SpendAmounts", range), "defined name");

    grantledger_xlsx_set_deflate_level(DEFLATE_LEVEL);
    check(workbook_close(workbook), "cannot write the workbook");
    rmdir(scratch);
    return 0;
}
