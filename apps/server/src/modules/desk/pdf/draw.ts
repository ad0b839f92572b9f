import QRCode from 'qrcode';
import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { pickLocale, type Locale, type LocalizedText } from '@plenary/contracts';
import { faceDraws, faceFor, printable, scriptFace, type Face } from './fonts';

export const ink = rgb(0.1, 0.1, 0.12);
export const muted = rgb(0.38, 0.4, 0.45);
export const rule = rgb(0.8, 0.82, 0.86);

/** Points per millimetre; A4 is 210 x 297 mm. */
export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };
export const A6 = { width: 105 * MM, height: 148 * MM };

/** #rrggbb as a pdf-lib colour (the category colour was validated on the way in; a bad one prints grey). */
export function hexColour(hex: string): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return rgb(0.5, 0.5, 0.5);
  return rgb(
    parseInt(m[1] ?? '0', 16) / 255,
    parseInt(m[2] ?? '0', 16) / 255,
    parseInt(m[3] ?? '0', 16) / 255,
  );
}

/** Black or white, whichever reads better on the colour. */
export function textOn(colour: RGB): RGB {
  const luminance = 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue;
  return luminance > 0.6 ? ink : rgb(1, 1, 1);
}

export interface TextStyle {
  font: Face;
  size: number;
  color?: RGB;
}

/**
 * The text cut into runs by typeface: the whole line in the face of its script
 * (one typeface per line), and only a character that face lacks from another
 * (an accented letter in a Korean line). A character whose face this document
 * did not embed prints as "?" rather than as an empty box.
 */
function runs(safe: string, face: Face): Array<{ text: string; font: PDFFont }> {
  const lineFace = scriptFace(safe);
  const lineFont = face.fonts[lineFace] ?? face.fonts.latin;
  const out: Array<{ text: string; font: PDFFont }> = [];
  for (const ch of safe) {
    let text = ch;
    let font: PDFFont;
    if (ch === ' ') {
      // A space goes with the run it is in; it never starts one of its own.
      font = out.at(-1)?.font ?? lineFont;
    } else if (face.fonts[lineFace] && faceDraws(lineFace, ch)) {
      font = lineFont;
    } else {
      const other = faceFor(ch);
      const embedded = other ? face.fonts[other] : undefined;
      font = embedded ?? face.fonts.latin;
      if (!embedded) text = '?';
    }
    const last = out.at(-1);
    if (last && last.font === font) last.text += text;
    else out.push({ text, font });
  }
  return out;
}

/** The width of text already made printable. */
export function measure(safe: string, face: Face, size: number): number {
  return runs(safe, face).reduce((width, r) => width + r.font.widthOfTextAtSize(r.text, size), 0);
}

function run(page: PDFPage, safe: string, x: number, y: number, style: TextStyle): void {
  let at = x;
  for (const r of runs(safe, style.font)) {
    page.drawText(r.text, { x: at, y, size: style.size, font: r.font, color: style.color ?? ink });
    at += r.font.widthOfTextAtSize(r.text, style.size);
  }
}

/** Draws one line; the text is made printable first. */
export function line(page: PDFPage, value: string, x: number, y: number, style: TextStyle): void {
  run(page, printable(value), x, y, style);
}

/** Draws one line ending at x (right-aligned). */
export function rightAligned(page: PDFPage, value: string, x: number, y: number, style: TextStyle): void {
  const safe = printable(value);
  run(page, safe, x - measure(safe, style.font, style.size), y, style);
}

/** Draws one line centred on cx. */
export function centred(page: PDFPage, value: string, cx: number, y: number, style: TextStyle): void {
  const safe = printable(value);
  run(page, safe, cx - measure(safe, style.font, style.size) / 2, y, style);
}

/** The largest size up to `size` (not below `min`) at which the text fits the width. */
export function fitSize(value: string, font: Face, size: number, maxWidth: number, min = 6): number {
  const safe = printable(value);
  let s = size;
  while (s > min && measure(safe, font, s) > maxWidth) s -= 0.5;
  return s;
}

/**
 * Breaks text into lines no wider than maxWidth: at spaces, and inside a word
 * only when the word alone is too wide (a long email address, a Korean phrase).
 */
export function wrap(value: string, font: Face, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(value).split('\n')) {
    let current = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (measure(candidate, font, size) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      for (const ch of word) {
        if (measure(current + ch, font, size) > maxWidth && current) {
          lines.push(current);
          current = '';
        }
        current += ch;
      }
    }
    lines.push(current);
  }
  return lines;
}

/** Draws wrapped text from the top line's baseline y; returns the baseline below the last line. */
export function paragraph(
  page: PDFPage,
  value: string,
  x: number,
  y: number,
  maxWidth: number,
  style: TextStyle & { leading?: number },
): number {
  const leading = style.leading ?? style.size * 1.45;
  let at = y;
  for (const l of wrap(value, style.font, style.size, maxWidth)) {
    run(page, l, x, at, style);
    at -= leading;
  }
  return at;
}

/** A QR code drawn as vector squares (crisp at any print size), with its quiet zone inside `size`. */
export function qr(page: PDFPage, content: string, x: number, y: number, size: number): void {
  const code = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row++) {
    // Runs of dark modules become one rectangle: fewer drawing operations, no hairline gaps.
    let col = 0;
    while (col < n) {
      if (!code.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && code.modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

const intlLocale = (locale: Locale) => (locale === 'ko' ? 'ko-KR' : 'en-GB');

/** A day in the event's time zone: "3 November 2015" / "2015년 11월 3일". */
export function formatDay(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

/** The event's days: "3–6 November 2015" / "2015년 11월 3일~6일". */
export function formatDays(start: Date, end: Date, timeZone: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return f.formatRange(start, end);
}

/** The amount in the currency's minor unit, shown in major units with the code: "KRW 50,000", "USD 120.00". */
export function formatAmount(amount: number, currency: string, locale: Locale): string {
  try {
    const f = new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
    });
    const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
    return f.format(amount / 10 ** digits);
  } catch {
    return `${currency} ${amount}`;
  }
}

export const pick = (value: LocalizedText | null | undefined, locale: Locale) =>
  pickLocale(value ?? {}, locale);
