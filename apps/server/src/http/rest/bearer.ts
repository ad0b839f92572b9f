import type { Request } from 'express';

/** The API key from Authorization: Bearer, as http/context.ts reads it. */
export function bearerOf(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S{1,200})$/i.exec(header) : null;
  return match?.[1] ?? null;
}
