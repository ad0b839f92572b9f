import type { FileDto } from '@plenary/contracts/schemas';

/** The file as a Blob (the API sends files base64-encoded in JSON). */
export function fileBlob(file: FileDto): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.contentType });
}

/**
 * Saves the file, and for a PDF also opens it in a new tab so it can be printed
 * at once (a blocked pop-up still leaves the download).
 */
export function saveFile(file: FileDto, options: { open?: boolean } = {}): void {
  const url = URL.createObjectURL(fileBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (options.open) window.open(url, '_blank', 'noopener');
  // Long enough for the new tab to load the PDF.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Splits ids into batches the badges procedure accepts (at most 1000; smaller prints sooner). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
