import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', PLENARY_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', () => {
      const m = /"port":(\d+).*"msg":"Plenary is running"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
