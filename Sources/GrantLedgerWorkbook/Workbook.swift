// Workbook module: the only code that touches libxlsxwriter.
import CXlsxWriter
import GrantLedgerCore
