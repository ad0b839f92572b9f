import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root (where pnpm-workspace.yaml is), so the server and the CLI share one default data dir. */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function defaultDataDir(): string {
  return join(workspaceRoot(), '.data');
}

/** A relative PLENARY_DATA_DIR is taken from where the command was typed (pnpm runs scripts elsewhere). */
export function resolveDataDir(configured: string | undefined, typedIn: string = process.cwd()): string {
  return configured ? resolve(typedIn, configured) : defaultDataDir();
}

export function appDir(app: 'admin' | 'portal'): string {
  return join(workspaceRoot(), 'apps', app);
}

/** The built admin and portal, served by the production server. */
export function appDistDir(app: 'admin' | 'portal'): string {
  return join(appDir(app), 'dist');
}
