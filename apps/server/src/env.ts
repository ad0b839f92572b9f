import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable is validated at start;
 * a wrong one stops the process with a message naming it.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'Use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Names Express's `trust proxy` knows for address ranges (proxy-addr). */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const family = isIP(ip ?? '');
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which hops' X-Forwarded-* to believe, in a form Express's `trust proxy`
 * takes: a hop count (1 behind one reverse proxy) or the proxies' addresses.
 * `true` (every hop) is refused: any client could then name its own IP.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (['false', '0', 'no'].includes(value)) return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.filter((e) => !isProxyAddress(e));
    if (['true', 'yes', '1'].includes(value) || wrong.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          value === 'true' || value === 'yes'
            ? 'TRUST_PROXY=true would believe a client that names its own IP: give the number of proxies in front (1) or their addresses (10.0.0.5,loopback)'
            : `TRUST_PROXY takes a number of proxies or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal (not understood: ${wrong.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number({ error: 'PORT must be a number' }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must start with postgres:// or postgresql://' })
      .optional(),
    PLENARY_DATA_DIR: z.string().min(1).optional(),
    /** Set by pnpm to the directory the command was typed in; relative paths resolve from there. */
    INIT_CWD: z.string().optional(),
    PUBLIC_URL: z.url({ error: 'PUBLIC_URL must be a URL such as https://plenary.example.org' }).optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { error: 'SMTP_URL must start with smtp:// or smtps://' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('Plenary <no-reply@plenary.localhost>'),
    PLENARY_ADMIN_EMAIL: z.email({ error: 'PLENARY_ADMIN_EMAIL must be an email address' }).optional(),
    PLENARY_ADMIN_PASSWORD: z
      .string()
      .min(10, { error: 'PLENARY_ADMIN_PASSWORD needs at least 10 characters' })
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustProxy.default(false),
    /** Strict-Transport-Security max-age in seconds on https requests; 0 sends none. */
    HSTS_MAX_AGE: z.coerce
      .number({ error: 'HSTS_MAX_AGE must be a number of seconds' })
      .int()
      .min(0)
      .default(15_552_000),
    /** Let webhooks go to loopback and private networks (development, tests); off, a partner cannot aim the server at its own network. */
    PLENARY_WEBHOOKS_ALLOW_PRIVATE: booleanish.default(false),
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Requests a minute per partner API key, for keys made without a limit of their own. */
    PLENARY_API_REQUESTS_PER_MINUTE: z.coerce
      .number({ error: 'PLENARY_API_REQUESTS_PER_MINUTE must be a number' })
      .int()
      .min(1)
      .max(100_000)
      .default(120),
    /** Minutes an unconfirmed portal registration holds its place before it is given back. */
    PLENARY_UNVERIFIED_HOLD_MINUTES: z.coerce
      .number({ error: 'PLENARY_UNVERIFIED_HOLD_MINUTES must be a number' })
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(30),
    /**
     * Difficulty of the proof of work on the public registration form: the secret
     * counter lies below this. A browser tries about half of it (100,000: well under
     * a second on a phone); a script pays the same per registration.
     */
    PLENARY_ALTCHA_MAX_NUMBER: z.coerce
      .number({ error: 'PLENARY_ALTCHA_MAX_NUMBER must be a number' })
      .int()
      .min(10)
      .max(10_000_000)
      .default(100_000),
    /**
     * Multiplies every rate limit of the public side (1: as shipped). Only for a
     * load test or a benchmark that sends thousands of requests from one address.
     */
    PLENARY_RATE_LIMIT_SCALE: z.coerce
      .number({ error: 'PLENARY_RATE_LIMIT_SCALE must be a number' })
      .min(1)
      .max(1_000_000)
      .default(1),
    /**
     * Runs every scheduled job this often instead of at its own period. Only for a
     * test that watches several server processes share the schedule in seconds.
     */
    PLENARY_SCHEDULE_EVERY_SECONDS: z.coerce
      .number({ error: 'PLENARY_SCHEDULE_EVERY_SECONDS must be a number' })
      .int()
      .min(1)
      .max(24 * 60 * 60)
      .optional(),
    /** Largest uploaded file in MB where a use (a form question) sets no limit of its own. */
    PLENARY_UPLOAD_MAX_MB: z.coerce
      .number({ error: 'PLENARY_UPLOAD_MAX_MB must be a number of megabytes' })
      .int()
      .min(1)
      .max(100)
      .default(10),
    /** Hours an uploaded file may wait for its object (a registration) before it is removed. */
    PLENARY_ORPHAN_FILE_HOURS: z.coerce
      .number({ error: 'PLENARY_ORPHAN_FILE_HOURS must be a number of hours' })
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    /**
     * 32 random bytes in base64 (`openssl rand -base64 32`): the key that encrypts secrets
     * kept in the database (TOTP secrets). Unset: made on first start in the data dir.
     */
    PLENARY_SECRET_KEY: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const key = Buffer.from(value, 'base64');
        if (key.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(value)) {
          ctx.addIssue({
            code: 'custom',
            message: 'PLENARY_SECRET_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
          });
          return z.NEVER;
        }
        return key;
      })
      .optional(),
    PLENARY_SERVE_APPS: booleanish.default(true),
    /** Load the reference event when an embedded database starts empty. */
    PLENARY_DEMO: booleanish.default(true),
  })
  .refine((e) => Boolean(e.PLENARY_ADMIN_EMAIL) === Boolean(e.PLENARY_ADMIN_PASSWORD), {
    error: 'Set PLENARY_ADMIN_EMAIL and PLENARY_ADMIN_PASSWORD together',
    path: ['PLENARY_ADMIN_PASSWORD'],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError(`Plenary cannot start: the configuration is not valid.\n${lines.join('\n')}`);
}
