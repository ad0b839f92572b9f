export type MessageTree = { [key: string]: string | MessageTree };
type Compiled<T> = { [K in keyof T]: T[K] extends string ? () => string : Compiled<T[K]> };

/**
 * The portal's messages are plain text, so each becomes a function that returns it.
 * vue-i18n then never compiles a message, and the build drops its message compiler
 * (__INTLIFY_DROP_MESSAGE_COMPILER__ in vite.config.ts; ~9 KB gzipped off the first load).
 * A message that needs a value would be written as a message function.
 */
export function plainMessages<T extends MessageTree>(tree: T): Compiled<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? () => value : plainMessages(value);
  }
  return out as Compiled<T>;
}
