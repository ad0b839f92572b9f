import type { Locale } from '@plenary/contracts';
import type { DeskRegistration, EventForDocuments } from '../desk.repo';
import { canPrint, createPdf, printableOrNull } from './fonts';
import { A4, centred, fitSize, formatDays, hexColour, line, MM, muted, pick, qr, rule, textOn } from './draw';

const labels = {
  en: {
    ticket: 'Admission ticket',
    reference: 'Reference',
    category: 'Category',
    show: 'Show this code at the registration desk.',
  },
  ko: {
    ticket: '입장권',
    reference: '등록 번호',
    category: '구분',
    show: '등록 데스크에서 이 코드를 보여 주세요.',
  },
} satisfies Record<Locale, Record<string, string>>;

/** The person's name as printed: Latin, and the local-script name when the font can draw it. */
export function printedNames(p: Pick<DeskRegistration, 'givenName' | 'familyName' | 'localName'>) {
  const latin = `${p.givenName} ${p.familyName}`;
  const local = p.localName && canPrint(p.localName) ? p.localName : null;
  return { latin, local };
}

/** An A4 ticket: the event, the person, and a large QR code of the ticket code. */
export async function renderTicket(
  event: EventForDocuments,
  reg: DeskRegistration,
  locale: Locale,
  now: Date,
): Promise<Uint8Array> {
  const t = labels[locale];
  const title = pick(event.title, locale);
  const names = printedNames(reg);
  const { doc, regular, bold } = await createPdf({
    title: `${t.ticket}: ${names.latin}`,
    subject: title,
    keywords: [reg.reference, names.latin, ...(names.local ? [names.local] : [])],
    now,
  }, [reg.localName, reg.organisation]);
  const page = doc.addPage([A4.width, A4.height]);
  const cx = A4.width / 2;
  const margin = 20 * MM;
  const width = A4.width - 2 * margin;
  const band = hexColour(reg.categoryColour);

  page.drawRectangle({ x: 0, y: A4.height - 38 * MM, width: A4.width, height: 38 * MM, color: band });
  const onBand = textOn(band);
  line(page, t.ticket.toUpperCase(), margin, A4.height - 14 * MM, { font: bold, size: 11, color: onBand });
  line(page, title, margin, A4.height - 24 * MM, {
    font: bold,
    size: fitSize(title, bold, 20, width),
    color: onBand,
  });
  const days = formatDays(event.startsAt, event.endsAt, event.timeZone, locale);
  const venue = pick(event.venueName, locale);
  line(page, [days, venue].filter(Boolean).join(' · '), margin, A4.height - 32 * MM, {
    font: regular,
    size: 11,
    color: onBand,
  });

  let y = A4.height - 62 * MM;
  centred(page, names.latin, cx, y, { font: bold, size: fitSize(names.latin, bold, 30, width) });
  if (names.local) {
    y -= 14 * MM;
    centred(page, names.local, cx, y, { font: bold, size: fitSize(names.local, bold, 24, width) });
  }
  y -= 10 * MM;
  const organisation = printableOrNull(reg.organisation) ?? '';
  centred(page, organisation, cx, y, { font: regular, size: fitSize(organisation, regular, 14, width) });

  const qrSize = 90 * MM;
  const qrY = y - 10 * MM - qrSize;
  qr(page, reg.ticketCode, cx - qrSize / 2, qrY, qrSize);

  y = qrY - 12 * MM;
  const category = pick(reg.categoryLabel, locale);
  centred(page, `${t.category}: ${category}`, cx, y, { font: regular, size: 13 });
  y -= 8 * MM;
  centred(page, `${t.reference}: ${reg.reference}`, cx, y, { font: bold, size: 16 });
  y -= 12 * MM;
  page.drawLine({ start: { x: margin, y }, end: { x: A4.width - margin, y }, thickness: 0.5, color: rule });
  y -= 8 * MM;
  centred(page, t.show, cx, y, { font: regular, size: 10, color: muted });
  const address = pick(event.venueAddress, locale);
  if (address) centred(page, address, cx, y - 6 * MM, { font: regular, size: 10, color: muted });
  return doc.save();
}
