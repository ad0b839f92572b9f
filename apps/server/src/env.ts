import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable is validated at start;
 * a wrong one stops the process with a message naming it.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'Use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
    PLENARY_ADMIN_PASSWORD: z.string().min(10, { error: 'PLENARY_ADMIN_PASSWORD needs at least 10 characters' }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: booleanish.default(false),
    SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
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
     * Multiplies every rate limit of the public side (1: as shipped). Only for a
     * load test or a benchmark that sends thousands of requests from one address.
     */
    PLENARY_RATE_LIMIT_SCALE: z.coerce
      .number({ error: 'PLENARY_RATE_LIMIT_SCALE must be a number' })
      .min(1)
      .max(1_000_000)
      .default(1),
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
