import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface Column<T> {
  header: string;
  /** Width in characters in XLSX. */
  width: number;
  value: (row: T) => string;
}

/**
 * A cell starting with = + - @ (or a tab, CR) is run as a formula by Excel; such
 * text is prefixed with a quote. A phone number's leading + followed by a digit
 * is left alone: Excel reads "+82 10..." as text, not a formula.
 */
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![0-9 ]))/;

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
