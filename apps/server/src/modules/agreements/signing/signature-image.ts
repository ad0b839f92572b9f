import { DomainError } from '@plenary/contracts';

/** Largest decoded PNG accepted (a signature pad's image is a few tens of KB). */
export const MAX_SIGNATURE_BYTES = 200_000;
/** Pixel bounds: a pad at 3x device pixels on a wide screen stays under these. */
const MAX_WIDTH = 4000;
const MAX_HEIGHT = 2000;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks a drawn signature by its bytes, not its label: the data URL prefix is
 * client-typed, so the decoded content must start with the PNG signature and an
 * IHDR chunk of sane dimensions. Answers the base64 to store (re-encoded, so
 * whitespace or junk the decoder skipped is not stored).
 */
export function checkSignaturePng(dataUrl: string): string {
  const refuse = () => new DomainError('INVALID_INPUT', { key: 'signingSignatureNotPng' }, { signature: ['Not a PNG'] });
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) throw refuse();
  const b64 = dataUrl.slice(prefix.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw refuse();
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length < 33 || bytes.length > MAX_SIGNATURE_BYTES) throw refuse();
  if (!bytes.subarray(0, 8).equals(PNG_MAGIC)) throw refuse();
  // The first chunk must be IHDR (length 13): width and height are its first 8 bytes.
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw refuse();
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_WIDTH || height > MAX_HEIGHT) throw refuse();
  return bytes.toString('base64');
}
