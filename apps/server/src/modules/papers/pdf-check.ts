import { DomainError } from '@plenary/contracts';
import { PDFDocument } from 'pdf-lib';
import { checkContent } from '../files/content-check';
import { tooLarge } from '../registration/uploads';

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
