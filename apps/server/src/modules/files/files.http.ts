import { Router, type Request, type Response } from 'express';
import { parse as parseCookie } from 'cookie';
import {
  DomainError,
  domainErrorStatus,
  FILENAME_HEADER,
  isDomainError,
  type RateLimitRule,
  type Services,
} from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { LINK_HEADER } from '../../http/context';
import { resolveSession, SESSION_COOKIE } from '../identity/sessions';
import { mayOpenFile, type FileOwnerCheck } from './file-access';
import { findFile, readFileBytes, type StoredFile } from './files.service';

/**
 * One use that takes files over HTTP (a form's file question, later a paper's PDF),
 * declared by the module that owns it. Before a byte is read, `prepare` checks the
 * route's parameters and answers the limit; `store` keeps the bytes once they are in.
 */
export interface FileUpload {
  /** Under /files, with Express parameters, e.g. "/registration/:eventId/:questionId". */
  path: string;
  /** Per-IP limits on attempts; `budget` names a bucket shared with another path. */
  limits: readonly RateLimitRule[];
  budget: string;
  prepare(params: Record<string, string>): Promise<{ limitBytes: number }>;
  store(params: Record<string, string>, file: { filename: string; data: Buffer }): Promise<StoredFile>;
  /** The error for a file over the limit, naming the field. */
  tooLarge(limitBytes: number): DomainError;
}

/** Types a browser shows without running anything: these open inline, everything else is saved. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The body's bytes, refused as soon as they pass the limit (never held past it).
 * The rest is read and dropped rather than the socket destroyed, so the client
 * still gets the 413 (sent with Connection: close, which ends the socket after it).
 */
export function readLimited(req: Request, limit: number): Promise<Buffer | 'tooLarge'> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('tooLarge');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).off('error', reject);
      chunks.length = 0;
      req.resume();
      resolve('tooLarge');
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/**
 * Content-Disposition with the name twice: an ASCII fallback for old clients and
 * the UTF-8 name (RFC 5987/6266 filename*), so 이력서.pdf arrives as 이력서.pdf.
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function sendError(res: Response, err: DomainError, extra: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  res.status(domainErrorStatus[err.code]).json({
    error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors },
  });
}

function decodeFilename(raw: string | undefined): string {
  if (!raw) return 'file';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Files over plain HTTP (issue 9 §4): each use's files are streamed in as the
 * request body with its limit enforced while they arrive; any stored file is
 * opened by whoever its owner's check lets in (a staff session's cookie, a
 * participant's link header).
 */
export function fileRoutes(
  runtime: Runtime,
  services: Services,
  registry: { owners: Readonly<Record<string, FileOwnerCheck>>; uploads: readonly FileUpload[] },
): Router {
  const { owners: checks, uploads } = registry;
  const router = Router();

  for (const use of uploads) {
    router.post(use.path, async (req, res, next) => {
      const params = req.params as Record<string, string>;
      try {
        // Checked before a byte is read: a wrong target or a busy address costs no upload.
        const { limitBytes } = await use.prepare(params);
        const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        const throttled = await services.rateLimits.hit(
          use.limits
            .filter((r) => r.per === 'ip' && typeof r.max === 'number')
            .map((r) => ({ bucket: `${r.budget ?? use.budget}:ip:${ip}`, max: Number(r.max), windowSeconds: r.windowSeconds })),
        );
        if (throttled) {
          res.setHeader('Connection', 'close');
          const wait = throttled.retryAfterSeconds;
          return sendError(res, new DomainError('TOO_MANY_ATTEMPTS', { key: 'tooManyUploads', params: { seconds: wait } }, {}, wait), {
            'Retry-After': String(wait),
          });
        }
        const data = await readLimited(req, limitBytes);
        if (data === 'tooLarge') {
          // The rest of the body is not read: the connection closes after this answer.
          res.setHeader('Connection', 'close');
          return sendError(res, use.tooLarge(limitBytes));
        }
        const stored = await use.store(params, { filename: decodeFilename(req.get(FILENAME_HEADER)), data });
        res.status(201).json(stored);
      } catch (err) {
        if (isDomainError(err)) {
          if (!req.complete) res.setHeader('Connection', 'close');
          return sendError(res, err);
        }
        next(err);
      }
    });
  }

  router.get('/:fileId', async (req, res, next) => {
    try {
      const actor = await resolveSession(runtime, parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]);
      const linkToken = req.get(LINK_HEADER)?.slice(0, 200) ?? null;
      if (!actor && !linkToken)
        return sendError(res, new DomainError('UNAUTHENTICATED', { key: 'signInToSeeFile' }));
      const file = uuid.test(req.params.fileId) ? await findFile(runtime.db, req.params.fileId) : null;
      // A file the caller may not open is answered as missing, so ids cannot be probed.
      const allowed = file ? await mayOpenFile(checks, { runtime, services }, file, { actor, linkToken }) : false;
      const data = allowed && file ? await readFileBytes(runtime.db, file) : null;
      if (!file || !data) return sendError(res, new DomainError('NOT_FOUND', { key: 'fileNotFound' }));
      const inline = INLINE_TYPES.has(file.contentType);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename));
      res.setHeader('Content-Length', String(data.length));
      // Personal data: kept by no shared cache, and not by the browser past this view.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${file.sha256}"`);
      res.status(200).end(data);
    } catch (err) {
      next(err);
    }
  });

  return router;
}
