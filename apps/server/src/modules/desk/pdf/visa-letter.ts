import { countryName } from '@plenary/contracts';
import { eventNameInSentence } from '../event-name';
import type { EventForDocuments } from '../desk.repo';
import { createPdf } from './fonts';
import { A4, formatDay, formatDays, line, MM, muted, paragraph, pick, rightAligned } from './draw';
import { drawLetterhead } from './letterhead';

export interface VisaLetterData {
  reference: string;
  passportName: string;
  passportNumber: string;
  nationality: string;
  dateOfBirth: string;
  embassy: string;
  organisation: string;
}

/** Embassies read these letters in English, whatever the participant's language. */
const locale = 'en' as const;

function formatBirthDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** The invitation letter an embassy asks for: who is invited, to what, when, where, and who vouches. */
export async function renderVisaLetter(
  event: EventForDocuments,
  data: VisaLetterData,
  now: Date,
): Promise<Uint8Array> {
  const title = pick(event.title, locale);
  const { doc, regular, bold } = await createPdf({
    title: `Letter of invitation: ${data.passportName}`,
    subject: title,
    keywords: [data.reference, data.passportName],
    now,
  }, [data.organisation, data.embassy]);
  const page = doc.addPage([A4.width, A4.height]);
  const margin = 25 * MM;
  const width = A4.width - 2 * margin;
  const lh = event.letterhead;
  const organiser = pick(lh.organiser, locale) || title;
  let y = drawLetterhead(page, lh, title, locale, { regular, bold });
  const body = { font: regular, size: 11 };

  line(page, formatDay(now, event.timeZone, locale), margin, y, body);
  rightAligned(page, `Ref. ${data.reference}`, A4.width - margin, y, {
    font: regular,
    size: 10,
    color: muted,
  });
  y -= 12 * MM;
  y = paragraph(page, `To: ${data.embassy}`, margin, y, width, { font: bold, size: 11 });
  y -= 6 * MM;
  line(page, 'Letter of invitation', margin, y, { font: bold, size: 16 });
  y -= 10 * MM;
  line(page, 'Dear Sir or Madam,', margin, y, body);
  y -= 8 * MM;

  const days = formatDays(event.startsAt, event.endsAt, event.timeZone, locale);
  const venue = [pick(event.venueName, locale), pick(event.venueAddress, locale)].filter(Boolean).join(', ');
  y = paragraph(
    page,
    `${organiser} is pleased to invite the person named below to attend ${eventNameInSentence(title)}, to be held from ${days}${venue ? ` at ${venue}` : ''}.`,
    margin,
    y,
    width,
    body,
  );
  y -= 4 * MM;

  const rows: Array<[string, string]> = [
    ['Name (as in passport)', data.passportName],
    ['Passport number', data.passportNumber],
    ['Nationality', countryName(data.nationality, locale)],
    ['Date of birth', formatBirthDate(data.dateOfBirth)],
    ['Organisation', data.organisation],
  ];
  for (const [label, value] of rows) {
    line(page, label, margin + 5 * MM, y, { font: regular, size: 10, color: muted });
    y = paragraph(page, value, margin + 55 * MM, y, width - 55 * MM, { font: bold, size: 11 }) - 1 * MM;
  }
  y -= 4 * MM;
  y = paragraph(
    page,
    'The participant has registered for the conference. The participant is responsible for their own travel, accommodation and other expenses unless agreed otherwise in writing. ' +
      'This letter is issued solely to support the visa application and does not commit the organiser to any financial obligation.',
    margin,
    y,
    width,
    body,
  );
  y -= 4 * MM;
  y = paragraph(
    page,
    'We kindly ask you to grant the participant the visa required to attend.',
    margin,
    y,
    width,
    body,
  );
  y -= 10 * MM;
  line(page, 'Yours faithfully,', margin, y, body);
  y -= 22 * MM;
  if (lh.signatoryName) {
    line(page, lh.signatoryName, margin, y, { font: bold, size: 11 });
    y -= 5.5 * MM;
  }
  const signatoryTitle = pick(lh.signatoryTitle, locale);
  if (signatoryTitle) {
    line(page, signatoryTitle, margin, y, body);
    y -= 5.5 * MM;
  }
  line(page, organiser, margin, y, body);
  return doc.save();
}
