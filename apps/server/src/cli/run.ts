import { TRPCError } from '@trpc/server';
import { pino, type Logger } from 'pino';
import { ZodError } from 'zod';
import { DomainError } from '@plenary/contracts';
import { DataDirLockedError } from '@plenary/db';
import { closeRuntime, describeDatabase, openRuntime } from '../core/bootstrap';
import type { Runtime } from '../core/runtime';
import { DemoError } from '../demo/load-demo';
import { EnvError, parseEnv, type Env } from '../env';

/** A failure the user can fix: its message is printed alone, without a stack. */
export class CliError extends Error {}

/** Where a command writes: people read lines; with --json, stdout carries exactly one JSON object. */
export interface Output {
  readonly json: boolean;
  /** A line for people: stdout, or stderr under --json so stdout stays parseable. */
  say(line?: string): void;
  /** The command's result: printed as JSON under --json, ignored otherwise (say() told people already). */
  result(value: object): void;
}

export function output(options: { json?: boolean | undefined }): Output {
  const json = options.json === true;
  return {
    json,
    say(line = '') {
      (json ? process.stderr : process.stdout).write(`${line}\n`);
    },
    result(value) {
      if (json) process.stdout.write(`${JSON.stringify(value)}\n`);
    },
  };
}

/** Logs go to stderr, synchronously, so they neither mix with stdout nor get lost at exit. */
export function cliLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino(
    { level: env.LOG_LEVEL, base: { service: 'plenary-cli' } },
    pino.destination({ dest: 2, sync: true }),
  );
}

/**
 * Opens the database the server uses (same env, same default data dir), runs the
 * command, and closes it again. This process only enqueues jobs; the server runs them.
 */
export async function withRuntime<T>(
  out: Output,
  fn: (runtime: Runtime, env: Env) => Promise<T>,
): Promise<T> {
  const env = parseEnv();
  const runtime = await openRuntime(env, { work: false, logger: cliLogger(env) });
  out.say(`Database: ${describeDatabase(env)}`);
  try {
    return await fn(runtime, env);
  } finally {
    await closeRuntime(runtime);
  }
}

/** Field errors of a zod error as "  --flag: message" lines, naming the command-line flag. */
export function flagErrors(error: ZodError, flags: Record<string, string>): string {
  return error.issues
    .map((i) => `  ${flags[String(i.path[0])] ?? (i.path.join('.') || 'input')}: ${i.message}`)
    .join('\n');
}

/** The message to print for an error the user can act on; null for a bug (printed with its stack). */
export function userFacingMessage(err: unknown): string | null {
  if (
    err instanceof EnvError ||
    err instanceof DataDirLockedError ||
    err instanceof CliError ||
    err instanceof DemoError
  ) {
    return err.message;
  }
  const domain =
    err instanceof DomainError
      ? err
      : err instanceof TRPCError && err.cause instanceof DomainError
        ? err.cause
        : null;
  if (domain) return domain.message;
  if (err instanceof TRPCError && err.cause instanceof ZodError)
    return `Not valid:\n${flagErrors(err.cause, {})}`;
  return null;
}
