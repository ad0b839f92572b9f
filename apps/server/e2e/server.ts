import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../src/testing/process';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export interface ProductionServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The production build as an operator runs it (node dist/main.js, serving the
 * built portal and admin), on a fresh embedded database. Build first: the
 * test:e2e task depends on build.
 */
export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'plenary-e2e-'));
}

/** Runs `pnpm plenary <args>` the way an operator would (through tsx), on a data dir. */
export function runCli(args: string[], dataDir: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PLENARY_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

export async function startProductionServer(
  env: Record<string, string> = {},
  dataDir: string = newDataDir(),
): Promise<ProductionServer> {
  const entry = join(serverDir, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run the build first (pnpm build)`);
  const server = await startServerProcess(
    {
      NODE_ENV: 'production',
      PLENARY_SERVE_APPS: 'true',
      PLENARY_DATA_DIR: dataDir,
      // The registration form's proof of work, easy in tests (the browser still solves it for real).
      PLENARY_ALTCHA_MAX_NUMBER: '2000',
      ...env,
    },
    { entry: 'bundle' },
  );
  return {
    url: server.url,
    output: server.output,
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
