import { z } from 'zod';

/** A generated file (PDF, CSV, XLSX) returned by a procedure; the client saves it. */
export const fileDto = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** The file's bytes, base64-encoded. */
  base64: z.string(),
});
export type FileDto = z.infer<typeof fileDto>;
