import { z } from 'zod';

/** A generated file (PDF, CSV, XLSX) returned by a procedure; the client saves it. */
export const fileDto = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** The file's bytes, base64-encoded. */
  base64: z.string(),
});
export type FileDto = z.infer<typeof fileDto>;

/**
 * Uploaded files (issue 9 §4) travel over plain HTTP, not tRPC: the body is the
 * file's bytes, streamed, so a limit is enforced while they arrive and no base64
 * inflates them. The file's name goes in a header, percent-encoded (UTF-8).
 */
export const FILENAME_HEADER = 'x-plenary-filename';

/** The largest file a use accepts unless it says otherwise (the server's PLENARY_UPLOAD_MAX_MB). */
export const DEFAULT_UPLOAD_MEGABYTES = 10;
/** The most a form question may allow (the call for papers keeps PDFs of several MB). */
export const MAX_QUESTION_UPLOAD_MEGABYTES = 50;

/** Where files are sent and opened. */
export const filePaths = {
  /** POST the bytes of a file for a registration form's file question (public, limited per IP). */
  registrationAnswer: (eventId: string, questionId: string) =>
    `/files/registration/${encodeURIComponent(eventId)}/${encodeURIComponent(questionId)}`,
  /** GET a stored file: with a staff session (cookie) or a participant's link (x-plenary-link). */
  download: (fileId: string) => `/files/${encodeURIComponent(fileId)}`,
} as const;
