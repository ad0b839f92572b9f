import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface Column<T> {
  header: string;
  /** Width in characters in XLSX. */
  width: number;
  value: (row: T) => string;
}

/**
 * A CSV cell starting with = + - @, a tab or a carriage return can be run as a
 * formula by a spreadsheet (-1+HYPERLINK(...) and +1 cmd|... included), so every
 * such value, in every column, is prefixed with a quote, as OWASP's CSV
 * injection page recommends. A phone number shows as '+82 10...: the price of
 * never guessing which leading + is harmless. XLSX cells are typed text, which
 * a spreadsheet never runs, so they are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV in UTF-8 with a byte-order mark, so Excel shows Korean correctly; CRLF line ends. */
export function toCsv<T>(columns: Column<T>[], rows: T[]): Buffer {
  const csv = Papa.unparse(
    {
      fields: columns.map((col) => col.header),
      data: rows.map((row) => columns.map((col) => col.value(row))),
    },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return Buffer.from(`\uFEFF${csv}`, 'utf8');
}

/** One sheet: a bold, frozen header row with a filter, columns sized to their content kind. */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plenary';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((col) => ({ header: col.header, width: col.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((col) => col.value(row)));
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
