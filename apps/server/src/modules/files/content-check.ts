import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { PDFDocument } from 'pdf-lib';

/** The types a use may accept; each is checked by its content and its structure. */
export const checkableTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type CheckableType = (typeof checkableTypes)[number];

export type ContentVerdict =
  | { ok: true; contentType: CheckableType }
  | { ok: false; reason: 'type'; found: string | null }
  | { ok: false; reason: 'structure'; contentType: CheckableType };

const imageSizeType: Record<Exclude<CheckableType, 'application/pdf'>, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/**
 * Decides a file's type from its bytes (never its name) and then checks that the
 * whole file has the structure of that type (issue 10 finding 13: the first bytes
 * alone let a PDF/HTML polyglot or a truncated file through). A PDF must parse and
 * have a page, and end with its %%EOF marker; an image's header must decode and
 * its last bytes must be the format's end (PNG's IEND chunk, JPEG's EOI marker).
 */
export async function checkContent(data: Buffer, accepted: readonly CheckableType[]): Promise<ContentVerdict> {
  const sniffed = await fileTypeFromBuffer(data);
  const contentType = accepted.find((t) => t === sniffed?.mime);
  if (!contentType) return { ok: false, reason: 'type', found: sniffed?.ext ?? null };
  const whole = contentType === 'application/pdf' ? await isWholePdf(data) : isWholeImage(data, contentType);
  return whole ? { ok: true, contentType } : { ok: false, reason: 'structure', contentType };
}

async function isWholePdf(data: Buffer): Promise<boolean> {
  // A truncated download or a cut-off upload loses the trailer: %%EOF closes every complete PDF.
  if (!data.subarray(Math.max(0, data.length - 1024)).toString('latin1').includes('%%EOF')) return false;
  try {
    const pdf = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    return pdf.getPageCount() > 0;
  } catch {
    return false;
  }
}

function isWholeImage(data: Buffer, contentType: Exclude<CheckableType, 'application/pdf'>): boolean {
  try {
    const size = imageSize(data);
    if (size.type !== imageSizeType[contentType] || !size.width || !size.height) return false;
  } catch {
    return false;
  }
  if (contentType === 'image/png') {
    // The last chunk: length 0, type IEND, CRC AE 42 60 82.
    return data.subarray(-12).equals(Buffer.from('0000000049454e44ae426082', 'hex'));
  }
  // JPEG ends with EOI (FF D9); some cameras pad a few bytes after it.
  return data.subarray(-32).includes(Buffer.from([0xff, 0xd9]));
}
