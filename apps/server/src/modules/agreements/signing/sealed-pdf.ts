import type { PDFPage } from 'pdf-lib';
import type { AgreementClause } from '@plenary/db/schema';
import { A4, line, MM, muted, rule, wrap, type TextStyle } from '../../desk/pdf/draw';
import { createPdf, type PdfKit } from '../../desk/pdf/fonts';

type Localized = { ko?: string; en?: string };

export interface SealedPdfInput {
  title: Localized;
  documentCode: string;
  versionNumber: number;
  versionSha256: string;
  clauses: AgreementClause[];
  signatures: Array<{
    role: string;
    name: string;
    title: Localized;
    onBehalfOf: Localized;
    organisation: Localized;
    signedAt: Date;
    typedName: string | null;
    png: Buffer | null;
  }>;
  trail: Array<{ at: Date; action: string; actorName: string; ip: string | null; userAgent: string | null; sha256: string }>;
  completedAt: Date;
}

const MARGIN = 20 * MM;
const WIDTH = A4.width - 2 * MARGIN;

const both = (t: Localized) => [t.ko, t.en].filter((s): s is string => Boolean(s && s.trim()));

/** A cursor down A4 pages: a new page when the next line would fall into the bottom margin. */
class Flow {
  page: PDFPage;
  y: number;
  constructor(private kit: PdfKit) {
    this.page = this.newPage();
    this.y = A4.height - MARGIN;
  }
  newPage(): PDFPage {
    this.page = this.kit.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    return this.page;
  }
  need(height: number) {
    if (this.y - height < MARGIN + 12 * MM) this.newPage();
  }
  text(value: string, style: TextStyle, indent = 0) {
    const leading = style.size * 1.45;
    for (const l of wrap(value, style.font, style.size, WIDTH - indent)) {
      this.need(leading);
      line(this.page, l, MARGIN + indent, this.y - style.size, style);
      this.y -= leading;
    }
  }
  gap(points: number) {
    this.y -= points;
  }
}

/**
 * The final document of a signed agreement: both language texts, clause by clause
 * (Korean, then English), a signature block per signatory with their name, title,
 * organisation, time and signature image, and the audit trail, with the document
 * code on every page. Deterministic for the same input (the dates are the
 * completion's), so sealing again would print the same page content.
 */
export async function renderSealedPdf(input: SealedPdfInput): Promise<Buffer> {
  const texts = [
    ...both(input.title),
    ...input.clauses.flatMap((c) => [...both(c.heading), ...both(c.body)]),
    ...input.signatures.flatMap((s) => [s.name, s.typedName, ...both(s.title), ...both(s.onBehalfOf), ...both(s.organisation)]),
    ...input.trail.map((t) => t.actorName),
  ];
  const kit = await createPdf(
    {
      title: input.title.en ?? input.title.ko ?? input.documentCode,
      subject: `Sealed agreement ${input.documentCode}`,
      keywords: [input.documentCode, input.versionSha256],
      now: input.completedAt,
    },
    texts,
  );
  const body: TextStyle = { font: kit.regular, size: 10 };
  const small: TextStyle = { font: kit.regular, size: 8, color: muted };
  const heading: TextStyle = { font: kit.bold, size: 11 };
  const f = new Flow(kit);

  for (const t of both(input.title)) f.text(t, { font: kit.bold, size: 16 });
  f.gap(4);
  f.text(`Version ${input.versionNumber} · SHA-256 ${input.versionSha256}`, small);
  f.gap(10);
  for (const lang of ['ko', 'en'] as const) {
    f.need(30);
    f.text(lang === 'ko' ? '국문' : 'English', { font: kit.bold, size: 12, color: muted });
    f.gap(4);
    for (const c of input.clauses) {
      if (c.heading[lang]) f.text(c.heading[lang], heading);
      if (c.body[lang]) f.text(c.body[lang], body);
      f.gap(6);
    }
    f.gap(8);
  }

  f.newPage();
  f.text('서명 · Signatures', { font: kit.bold, size: 14 });
  f.gap(8);
  for (const s of input.signatures) {
    f.need(42 * MM);
    const top = f.y;
    f.text(`${s.role} — ${s.name}`, heading);
    for (const t of both(s.title)) f.text(t, body);
    for (const t of both(s.onBehalfOf).length ? both(s.onBehalfOf) : both(s.organisation)) f.text(t, body);
    f.text(`Signed ${s.signedAt.toISOString()}`, small);
    const x = MARGIN + WIDTH - 65 * MM;
    if (s.png) {
      const img = await kit.doc.embedPng(s.png);
      const scale = Math.min((60 * MM) / img.width, (22 * MM) / img.height, 1);
      f.page.drawImage(img, { x, y: top - 24 * MM, width: img.width * scale, height: img.height * scale });
    } else if (s.typedName) {
      line(f.page, s.typedName, x, top - 14 * MM, { font: kit.bold, size: 16 });
    }
    f.page.drawLine({ start: { x, y: top - 25 * MM }, end: { x: x + 60 * MM, y: top - 25 * MM }, thickness: 0.5, color: rule });
    f.y = Math.min(f.y, top - 28 * MM);
    f.gap(6);
  }

  f.newPage();
  f.text('감사 기록 · Audit trail', { font: kit.bold, size: 14 });
  f.gap(8);
  for (const t of input.trail) {
    f.text(`${t.at.toISOString()}  ${t.action}  ${t.actorName}`, body);
    f.text(`IP ${t.ip ?? '-'} · ${t.userAgent ?? '-'}`, small, 8);
    f.text(`SHA-256 ${t.sha256}`, small, 8);
    f.gap(4);
  }

  const pages = kit.doc.getPages();
  pages.forEach((p, i) =>
    line(p, `${input.documentCode} · ${i + 1}/${pages.length}`, MARGIN, 10 * MM, small),
  );
  return Buffer.from(await kit.doc.save({ useObjectStreams: false }));
}
