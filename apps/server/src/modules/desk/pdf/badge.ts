import type { PDFPage } from 'pdf-lib';
import type { Face } from './fonts';
import { countryName } from '@plenary/contracts';
import type { DeskRegistration, EventForDocuments } from '../desk.repo';
import { createPdf, printableOrNull } from './fonts';
import { A4, A6, centred, fitSize, hexColour, MM, muted, pick, qr, rule, textOn, wrap } from './draw';
import { printedNames } from './ticket';

interface Fonts {
  regular: Face;
  bold: Face;
}

/** Badges are in English (the conference's common language), with the local-script name beside. */
const locale = 'en' as const;

/** One A6 badge with its lower-left corner at (x, y). */
function drawBadge(
  page: PDFPage,
  x: number,
  y: number,
  event: EventForDocuments,
  reg: DeskRegistration,
  fonts: Fonts,
): void {
  const cx = x + A6.width / 2;
  const inner = A6.width - 12 * MM;
  const top = y + A6.height;
  const title = pick(event.title, locale);
  centred(page, title, cx, top - 12 * MM, {
    font: fonts.bold,
    size: fitSize(title, fonts.bold, 11, inner),
    color: muted,
  });
  page.drawLine({
    start: { x: x + 6 * MM, y: top - 16 * MM },
    end: { x: x + A6.width - 6 * MM, y: top - 16 * MM },
    thickness: 0.5,
    color: rule,
  });

  const names = printedNames(reg);
  // The given name is what people read across a room; the full name sits below it.
  let at = top - 34 * MM;
  centred(page, reg.givenName, cx, at, {
    font: fonts.bold,
    size: fitSize(reg.givenName, fonts.bold, 30, inner, 12),
  });
  at -= 9 * MM;
  centred(page, reg.familyName, cx, at, {
    font: fonts.bold,
    size: fitSize(reg.familyName, fonts.bold, 18, inner, 10),
  });
  if (names.local) {
    at -= 10 * MM;
    centred(page, names.local, cx, at, {
      font: fonts.bold,
      size: fitSize(names.local, fonts.bold, 20, inner, 10),
    });
  }
  at -= 10 * MM;
  // One organisation, one typeface: the script of the whole name decides, not each wrapped line's.
  for (const l of wrap(printableOrNull(reg.organisation) ?? '', fonts.regular, 11, inner).slice(0, 2)) {
    centred(page, l, cx, at, { font: fonts.regular, size: 11 });
    at -= 5 * MM;
  }
  centred(page, countryName(reg.country, locale), cx, at - 1 * MM, {
    font: fonts.regular,
    size: 10,
    color: muted,
  });

  const bandHeight = 16 * MM;
  const qrSize = 30 * MM;
  qr(page, reg.ticketCode, cx - qrSize / 2, y + bandHeight + 3 * MM, qrSize);

  const colour = hexColour(reg.categoryColour);
  page.drawRectangle({ x, y, width: A6.width, height: bandHeight, color: colour });
  const category = pick(reg.categoryLabel, locale).toUpperCase();
  centred(page, category, cx, y + bandHeight / 2 - 2.5 * MM, {
    font: fonts.bold,
    size: fitSize(category, fonts.bold, 16, inner, 8),
    color: textOn(colour),
  });
}

/**
 * Name badges in the order given: one A6 badge per page, or four on an A4 page
 * (2 x 2, the A6 size exactly; thin lines show where to cut).
 */
export async function renderBadges(
  event: EventForDocuments,
  regs: DeskRegistration[],
  layout: 'a6' | 'a4',
  now: Date,
): Promise<Uint8Array> {
  const title = pick(event.title, locale);
  const { doc, regular, bold } = await createPdf({
    title: `Badges: ${title}`,
    subject: regs.length === 1 && regs[0] ? printedNames(regs[0]).latin : `${regs.length} badges`,
    keywords: regs.map((r) => r.reference),
    now,
  }, regs.flatMap((r) => [r.localName, r.organisation]));
  const fonts = { regular, bold };
  if (layout === 'a6') {
    for (const reg of regs) drawBadge(doc.addPage([A6.width, A6.height]), 0, 0, event, reg, fonts);
    return doc.save();
  }
  const slots = [
    [0, A6.height],
    [A6.width, A6.height],
    [0, 0],
    [A6.width, 0],
  ] as const;
  const offsetY = (A4.height - 2 * A6.height) / 2;
  for (let i = 0; i < regs.length; i += 4) {
    const page = doc.addPage([A4.width, A4.height]);
    regs.slice(i, i + 4).forEach((reg, k) => {
      const [sx, sy] = slots[k] ?? [0, 0];
      drawBadge(page, sx, sy + offsetY, event, reg, fonts);
    });
    page.drawLine({
      start: { x: A6.width, y: 0 },
      end: { x: A6.width, y: A4.height },
      thickness: 0.25,
      color: rule,
    });
    page.drawLine({
      start: { x: 0, y: A6.height + offsetY },
      end: { x: A4.width, y: A6.height + offsetY },
      thickness: 0.25,
      color: rule,
    });
  }
  return doc.save();
}
