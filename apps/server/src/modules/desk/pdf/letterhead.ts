import type { PDFPage } from 'pdf-lib';
import type { Face } from './fonts';
import type { Locale } from '@plenary/contracts';
import type { Letterhead } from '@plenary/db/schema';
import { A4, line, MM, muted, paragraph, pick, rule } from './draw';

/** The organiser's letterhead at the top of an A4 page; returns the baseline below it. */
export function drawLetterhead(
  page: PDFPage,
  letterhead: Letterhead,
  fallbackOrganiser: string,
  locale: Locale,
  fonts: { regular: Face; bold: Face },
): number {
  const margin = 20 * MM;
  const width = A4.width - 2 * margin;
  let y = A4.height - 22 * MM;
  const organiser = pick(letterhead.organiser, locale) || fallbackOrganiser;
  line(page, organiser, margin, y, { font: fonts.bold, size: 15 });
  y -= 6 * MM;
  const address = pick(letterhead.address, locale);
  if (address) y = paragraph(page, address, margin, y, width, { font: fonts.regular, size: 9, color: muted });
  const contact = [letterhead.phone, letterhead.email].filter(Boolean).join('  ·  ');
  if (contact) {
    line(page, contact, margin, y, { font: fonts.regular, size: 9, color: muted });
    y -= 4 * MM;
  }
  y -= 1 * MM;
  page.drawLine({ start: { x: margin, y }, end: { x: A4.width - margin, y }, thickness: 0.8, color: rule });
  return y - 10 * MM;
}
