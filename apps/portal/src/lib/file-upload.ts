import { TRPCClientError } from '@trpc/client';
import { FILENAME_HEADER, filePaths } from '@plenary/contracts/schemas';
import type { UploadedFile } from '../api';

/** A file for a registration form's file question. */
export interface AnswerUpload {
  eventId: string;
  questionId: string;
  file: Blob;
  filename: string;
}

/**
 * Streams the file's bytes to the server (no base64: a 10 MB photo stays 10 MB on
 * the wire). A refusal comes back as the same error the tRPC client throws, so a
 * screen reads it with apiErrorInfo like any other.
 */
export async function uploadAnswerFile(input: AnswerUpload): Promise<UploadedFile> {
  const res = await fetch(filePaths.registrationAnswer(input.eventId, input.questionId), {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      [FILENAME_HEADER]: encodeURIComponent(input.filename),
    },
    body: input.file,
  });
  const body = (await res.json().catch(() => null)) as
    | (UploadedFile & { error?: undefined })
    | { error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> } }
    | null;
  if (res.ok && body && !body.error) return body as UploadedFile;
  const error = body?.error ?? {};
  throw TRPCClientError.from({
    error: {
      code: -32000,
      message: error.message ?? res.statusText,
      data: {
        domainCode: error.code ?? 'INTERNAL',
        httpStatus: res.status,
        fieldErrors: error.fieldErrors ?? {},
        ...(res.headers.get('retry-after') ? { retryAfterSeconds: Number(res.headers.get('retry-after')) } : {}),
      },
    },
  });
}
