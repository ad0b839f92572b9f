import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** How to run the server: from source through tsx (tests), or the production bundle (browser tests). */
export type ServerEntry = 'source' | 'bundle';

const entryArgs: Record<ServerEntry, string[]> = {
  source: ['--import', 'tsx', 'src/main.ts'],
  bundle: ['dist/main.js'],
};

/** The server as a child process with a clean environment, its output collected. */
function spawnServer(env: Record<string, string>, entry: ServerEntry) {
  const child = spawn(process.execPath, entryArgs[entry], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', PLENARY_SERVE_APPS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

/**
 * Starts the real server as a child process, as an operator would, and waits
 * for its "Plenary is running" log line.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number; entry?: ServerEntry } = {},
): Promise<ServerProcess> {
  const { child, exited, output } = spawnServer(env, options.entry ?? 'source');
  const url = await new Promise<string>((resolve, reject) => {
    // A server that did not start is killed, not left running to load the machine (and
    // hold an embedded data dir) after its test has failed.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output()}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', () => {
      const m = /"port":(\d+).*"msg":"Plenary is running"/.exec(output());
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output()}`));
    });
  });
  return { child, url, output, exited };
}

/** Runs the server entry point expecting it to fail; returns its exit code and output. */
export async function runServerExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { exited, output } = spawnServer(env, 'source');
  const code = await exited;
  return { code, output: output() };
}
