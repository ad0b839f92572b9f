import type { RequestHandler, Response } from 'express';

/**
 * No input of ours nests deeper than a few levels; a body nested thousands deep
 * (5,000 brackets) overflowed the stack of a recursive walk further in and came
 * back as a 500. It is refused here with a 400, counted without recursion.
 */
export const MAX_JSON_DEPTH = 32;

export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= limit) return true;
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    for (const child of children) stack.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}

/** Answers 400 through `refuse` when the parsed body (req.body) nests deeper than MAX_JSON_DEPTH. */
export function limitJsonDepth(refuse: (res: Response) => void): RequestHandler {
  return (req, res, next) => {
    if (jsonDepthExceeds(req.body as unknown, MAX_JSON_DEPTH)) refuse(res);
    else next();
  };
}
