/**
 * Pass-through for a DataTable column that labels each body cell with its
 * header, so styles.css can stack the table into label/value cards on a phone.
 */
export function cellLabel(label: string) {
  return { bodyCell: { 'data-label': label } };
}
