import { DomainError } from '@plenary/contracts';
import { PDFDocument } from 'pdf-lib';
import { checkContent } from '../files/content-check';
import type { Runtime } from '../../core/runtime';
import { storeFile, type StoredFile } from '../files/files.service';
import { tooLarge } from '../registration/uploads';
import type { TypeRow } from './cfp.repo';

export type PdfVerdict = { ok: true; pages: number } | { ok: false; error: DomainError };

const field = 'contentBase64';

/**
 * A paper's PDF, checked before anything is stored, each refusal a 4xx that
 * says which: over the type's size (413), not a whole PDF (400, by content, not
 * name), encrypted (400: reviewers and the book of abstracts must read it), more
 * pages than the type allows (400, the count read from the document).
 */
export async function checkPaperPdf(
  data: Buffer,
  rules: { maxBytes: number; pageLimit: number | null },
): Promise<PdfVerdict> {
  if (data.length > rules.maxBytes) return { ok: false, error: tooLarge(rules.maxBytes, field) };
  if (data.length === 0)
    return {
      ok: false,
      error: new DomainError('INVALID_INPUT', { key: 'fileEmpty' }, { [field]: ['The file is empty'] }),
    };
  const verdict = await checkContent(data, ['application/pdf']);
  if (!verdict.ok) {
    const found = verdict.reason === 'type' ? verdict.found?.toUpperCase() : undefined;
    const error =
      verdict.reason === 'structure'
        ? new DomainError(
            'INVALID_INPUT',
            { key: 'fileDamaged', params: { type: 'PDF' } },
            { [field]: ['Damaged PDF'] },
          )
        : found
          ? new DomainError(
              'INVALID_INPUT',
              { key: 'fileWrongType', params: { type: 'PDF', found } },
              {
                [field]: ['Not a PDF'],
              },
            )
          : new DomainError(
              'INVALID_INPUT',
              { key: 'fileUnknownType', params: { type: 'PDF' } },
              {
                [field]: ['Not a PDF'],
              },
            );
    return { ok: false, error };
  }
  const pdf = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false });
  if (pdf.isEncrypted)
    return {
      ok: false,
      error: new DomainError('INVALID_INPUT', { key: 'pdfEncrypted' }, { [field]: ['Encrypted PDF'] }),
    };
  const pages = pdf.getPageCount();
  if (rules.pageLimit !== null && pages > rules.pageLimit) {
    return {
      ok: false,
      error: new DomainError(
        'INVALID_INPUT',
        { key: 'pdfTooManyPages', params: { pages, max: rules.pageLimit } },
        {
          [field]: [`${pages} pages, at most ${rules.pageLimit}`],
        },
      ),
    };
  }
  return { ok: true, pages };
}

/**
 * A paper's PDF as sent (base64), decoded, checked against its submission type's
 * limits and stored unattached: the submission's PDF and the camera-ready version
 * go through the same steps, every refusal before a byte is kept.
 */
export async function storePaperPdf(
  runtime: Runtime,
  file: { eventId: string; purpose: string; filename: string; contentBase64: string },
  type: Pick<TypeRow, 'maxMegabytes' | 'pageLimit'>,
): Promise<{ stored: StoredFile; pages: number }> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.contentBase64))
    throw new DomainError('INVALID_INPUT', { key: 'fileNotBase64' }, { [field]: ['Not valid base64'] });
  const data = Buffer.from(file.contentBase64, 'base64');
  const verdict = await checkPaperPdf(data, {
    maxBytes: type.maxMegabytes * 1024 * 1024,
    pageLimit: type.pageLimit,
  });
  if (!verdict.ok) throw verdict.error;
  const stored = await storeFile(runtime, {
    eventId: file.eventId,
    purpose: file.purpose,
    filename: file.filename,
    data,
    accepted: ['application/pdf'],
    field,
  });
  return { stored, pages: verdict.pages };
}
