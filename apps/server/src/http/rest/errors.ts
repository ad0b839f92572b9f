import type { ErrorRequestHandler, Response } from 'express';

/**
 * The one error shape of the REST API:
 * { "error": { "code": "INVALID_INPUT", "message": "...", "fields": { "participant.email": ["..."] } } }
 * code is a domain error code (contracts' errors.ts) or one of the HTTP-layer codes below.
 */
export interface ApiError {
  error: { code: string; message: string; fields: Record<string, string[]> };
}

export function sendApiError(
  res: Response,
  status: number,
  code: string,
  message: string,
  fields: Record<string, string[]> = {},
): void {
  res.status(status).json({ error: { code, message, fields } } satisfies ApiError);
}

/** What trpc-to-openapi sends for a failed procedure; data comes from the contracts' errorFormatter. */
interface OpenApiErrorBody {
  message?: string;
  data?: { domainCode?: string; fieldErrors?: Record<string, string[]> };
}

/** Codes for failures that never reach a procedure's domain rules. */
const httpCodes: Record<number, { code: string; message: string }> = {
  405: { code: 'METHOD_NOT_ALLOWED', message: 'This method is not allowed here' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' },
};

export function toApiError(status: number, body: OpenApiErrorBody): ApiError {
  const fields = body.data?.fieldErrors ?? {};
  let code = body.data?.domainCode ?? 'INTERNAL';
  let message = body.message ?? 'Request failed';
  if (code === 'INTERNAL' && status < 500) {
    const known = httpCodes[status];
    code = known?.code ?? 'INVALID_INPUT';
    message = known?.message ?? message;
  }
  // trpc-to-openapi replaces the formatter's message for zod errors; say which fields instead.
  if (message === 'Input validation failed' && Object.keys(fields).length)
    message = 'Some fields are not valid: ' + Object.keys(fields).join(', ');
  return { error: { code, message, fields } };
}

/**
 * Rewrites the error bodies trpc-to-openapi writes (it offers no hook for the
 * body, only for status and headers) into the API's error shape, for this response only.
 */
export function reshapeErrorBodies(res: Response): void {
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (res.statusCode >= 400 && typeof chunk === 'string') {
      try {
        chunk = JSON.stringify(toApiError(res.statusCode, JSON.parse(chunk) as OpenApiErrorBody));
      } catch {
        // Not JSON: leave it as it is.
      }
    }
    return end(chunk, ...rest);
  }) as Response['end'];
}

/** Errors raised before a procedure runs (body parser): too large, not JSON. */
export const restErrorHandler: ErrorRequestHandler = (
  err: { status?: number; type?: string },
  req,
  res,
  _next,
) => {
  if (err.status === 413 || err.type === 'entity.too.large') {
    sendApiError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the API accepts (1 MB)');
  } else if (err.type === 'entity.parse.failed') {
    sendApiError(res, 400, 'INVALID_INPUT', 'The request body is not valid JSON');
  } else if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    sendApiError(res, err.status, 'INVALID_INPUT', 'The request could not be read');
  } else {
    req.log.error({ err }, 'api request failed');
    sendApiError(res, 500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
  }
};
