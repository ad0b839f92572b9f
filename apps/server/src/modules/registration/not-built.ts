/** A service whose functions are still being written: every call fails loudly. Remove when empty. */
export function notBuilt<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_t, key) => () => Promise.reject(new Error(`${name}.${String(key)} is not built yet`)),
  });
}
