import express, { type RequestHandler, type Response } from 'express';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';

/**
 * The depth guard of /api/v1 (json-depth.ts) for /trpc, where tRPC reads the
 * body itself: every input, in a POST body (one call or a batch) or in a GET's
 * ?input=, is refused with a 400 when it nests deeper than MAX_JSON_DEPTH, before
 * any procedure or validator walks it. No input of ours needs more than a few
 * levels; zod refuses most deep inputs anyway, but a schema that takes a record
 * of anything would otherwise let one through to code that recurses.
 *
 * The body is parsed here and handed on parsed (tRPC takes req.body as it is);
 * its size limit and parse errors are answered in tRPC's error shape, as tRPC did.
 */
export function limitTrpcInputDepth(maxBodyBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBodyBytes });
  return (req, res, next) => {
    // A batch wraps each call's input in {"0": ...}: one level more.
    const limit = req.query.batch === undefined ? MAX_JSON_DEPTH : MAX_JSON_DEPTH + 1;
    const tooDeep = () =>
      sendTrpcError(res, 400, 'BAD_REQUEST', 'INVALID_INPUT', `The request input nests deeper than ${MAX_JSON_DEPTH} levels`);
    const input = req.query.input;
    if (typeof input === 'string') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(input);
      } catch {
        return next(); // tRPC answers malformed input itself
      }
      if (jsonDepthExceeds(parsed, limit)) return tooDeep();
    }
    if (req.method !== 'POST') return next();
    parse(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: unknown }).status;
        if (status === 413)
          return sendTrpcError(res, 413, 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 'The request body is too large');
        return sendTrpcError(res, 400, 'PARSE_ERROR', 'INVALID_INPUT', 'The request body is not valid JSON');
      }
      if (jsonDepthExceeds(req.body as unknown, limit)) return tooDeep();
      next();
    });
  };
}

const jsonRpcCodes = { BAD_REQUEST: -32600, PARSE_ERROR: -32700, PAYLOAD_TOO_LARGE: -32600 } as const;

/** An error in the shape the tRPC error formatter gives (contracts trpc.ts), so clients read it alike. */
function sendTrpcError(
  res: Response,
  httpStatus: 400 | 413,
  code: keyof typeof jsonRpcCodes,
  domainCode: string,
  message: string,
): void {
  res.status(httpStatus).json({
    error: {
      message,
      code: jsonRpcCodes[code],
      data: { code, httpStatus, domainCode, fieldErrors: {} },
    },
  });
}
