import type { Locale } from '@plenary/contracts';
import { countryName } from '@plenary/contracts';
import type { DeskRegistration, EventForDocuments } from '../desk.repo';
import { createPdf } from './fonts';
import { A4, formatAmount, formatDay, formatDays, line, MM, muted, paragraph, pick, rule } from './draw';
import { drawLetterhead } from './letterhead';
import { printedNames } from './ticket';

const labels = {
  en: {
    receipt: 'Receipt',
    number: 'Receipt no.',
    issued: 'Issued',
    payer: 'Received from',
    for: 'For',
    registrationFee: 'Registration fee',
    amount: 'Amount',
    status: 'Status',
    paid: 'Paid',
    waived: 'Waived (no payment due)',
    paymentReference: 'Payment reference',
    paidOn: 'Paid on',
  },
  ko: {
    receipt: '영수증',
    number: '영수증 번호',
    issued: '발행일',
    payer: '납부자',
    for: '내역',
    registrationFee: '등록비',
    amount: '금액',
    status: '상태',
    paid: '납부 완료',
    waived: '면제',
    paymentReference: '결제 참조 번호',
    paidOn: '납부일',
  },
} satisfies Record<Locale, Record<string, string>>;

/** An A4 receipt for a paid or waived registration fee; the receipt number is the registration's reference. */
export async function renderReceipt(
  event: EventForDocuments,
  reg: DeskRegistration & { feeAmount: number; feeCurrency: string; paymentStatus: 'paid' | 'waived' },
  locale: Locale,
  now: Date,
): Promise<Uint8Array> {
  const t = labels[locale];
  const title = pick(event.title, locale);
  const names = printedNames(reg);
  const { doc, regular, bold } = await createPdf({
    title: `${t.receipt} ${reg.reference}: ${names.latin}`,
    subject: title,
    keywords: [reg.reference, names.latin],
    now,
  }, [reg.localName, reg.organisation]);
  const page = doc.addPage([A4.width, A4.height]);
  const margin = 20 * MM;
  const width = A4.width - 2 * margin;
  let y = drawLetterhead(page, event.letterhead, title, locale, { regular, bold });

  line(page, t.receipt, margin, y, { font: bold, size: 24 });
  y -= 14 * MM;
  const amount = formatAmount(reg.feeAmount, reg.feeCurrency, locale);
  const rows: Array<[string, string]> = [
    [t.number, reg.reference],
    [t.issued, formatDay(now, event.timeZone, locale)],
    [
      t.payer,
      [names.latin, names.local, reg.organisation, countryName(reg.country, locale)]
        .filter(Boolean)
        .join('\n'),
    ],
    [
      t.for,
      `${t.registrationFee}: ${title}\n${formatDays(event.startsAt, event.endsAt, event.timeZone, locale)} · ${pick(reg.categoryLabel, locale)}`,
    ],
    [t.amount, reg.paymentStatus === 'waived' ? `${amount} (${t.waived})` : amount],
    [t.status, reg.paymentStatus === 'paid' ? t.paid : t.waived],
  ];
  if (reg.paymentReference) rows.push([t.paymentReference, reg.paymentReference]);
  if (reg.paymentStatus === 'paid' && reg.paidAt)
    rows.push([t.paidOn, formatDay(reg.paidAt, event.timeZone, locale)]);

  const labelWidth = 45 * MM;
  for (const [label, value] of rows) {
    line(page, label, margin, y, { font: regular, size: 10, color: muted });
    const bottom = paragraph(page, value, margin + labelWidth, y, width - labelWidth, {
      font: label === t.amount ? bold : regular,
      size: label === t.amount ? 14 : 11,
    });
    y = bottom - 3 * MM;
    page.drawLine({
      start: { x: margin, y: y + 2 * MM },
      end: { x: A4.width - margin, y: y + 2 * MM },
      thickness: 0.3,
      color: rule,
    });
    y -= 3 * MM;
  }
  return doc.save();
}
