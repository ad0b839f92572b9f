import type { AddressInfo } from 'node:net';
import { DataDirLockedError } from '@plenary/db';
import { createApp } from './app';
import { closeRuntime, createLogger, describeDatabase, openRuntime } from './core/bootstrap';
import { EnvError, parseEnv } from './env';
import { ensureBootstrapAdmin, ensureFirstAdmin } from './modules/identity/users.service';
import { startMailDelivery } from './modules/mail/mail.service';
import { smtpTransport } from './modules/mail/transport';
import { startWebhookDelivery } from './modules/webhooks/webhook-delivery';
import { startSchedule } from './core/schedule';
import { startDomainEventDispatch } from './modules/domain-events/dispatcher';
import { registrationJobs } from './modules/registration/timers';
import { fileJobs } from './modules/files/files.jobs';
import { accountJobs } from './modules/accounts/accounts.jobs';
// agreements (issue 13)
import { agreementJobs } from './modules/agreements/agreements.jobs';
import { signingJobs } from './modules/agreements/signing/sealing';
import { startLinkMails } from './modules/registration/link-mail';
import { startResetMails } from './modules/identity/reset-mail';
import { createServices } from './services';
import { loadDemo } from './demo/load-demo';
import { countUsers } from './modules/identity/identity.repo';

async function main() {
  const started = performance.now();
  const env = parseEnv();
  const logger = createLogger(env);
  const runtime = await openRuntime(env, { work: true, logger });
  const stopSweeper = env.SMTP_URL
    ? await startMailDelivery(runtime, smtpTransport(env.SMTP_URL))
    : () => undefined;
  // Receivers on this machine or a private network only when configured so: otherwise SSRF.
  const stopWebhookSweeper = await startWebhookDelivery(runtime, {
    allowPrivateAddresses: env.PLENARY_WEBHOOKS_ALLOW_PRIVATE,
  });
  // Domain events reach their subscribers (webhooks, ...) after commit, through the job queue.
  const stopDomainEvents = await startDomainEventDispatch(runtime);
  // Lapsed waiting-list offers pass on; passport data is erased after the event: scheduled
  // jobs that run once per period however many server processes share the database.
  const stopSchedule = await startSchedule(runtime, [...registrationJobs, ...fileJobs, ...accountJobs, ...agreementJobs, ...signingJobs], {
    everySeconds: env.PLENARY_SCHEDULE_EVERY_SECONDS,
  });
  // Mails that public calls only queue, so their answer says nothing about an address.
  await startLinkMails(runtime);
  await startResetMails(runtime);
  // A first embedded start shows the reference event rather than an empty console.
  let demoLine: string | null = null;
  if (!env.DATABASE_URL && env.PLENARY_DEMO && (await countUsers(runtime.db)) === 0) {
    const demo = await loadDemo(runtime);
    demoLine = `Demo:     the 18th TCI Global Conference; its owner signs in as ${demo.ownerEmail} / ${demo.password}`;
  }
  let signIn = 'an existing account';
  if (env.PLENARY_ADMIN_EMAIL && env.PLENARY_ADMIN_PASSWORD) {
    const result = await ensureBootstrapAdmin(runtime, env.PLENARY_ADMIN_EMAIL, env.PLENARY_ADMIN_PASSWORD);
    if (result === 'created')
      logger.info({ email: env.PLENARY_ADMIN_EMAIL }, 'created the first platform admin');
    signIn = `${env.PLENARY_ADMIN_EMAIL} and PLENARY_ADMIN_PASSWORD`;
  } else {
    const first = await ensureFirstAdmin(runtime);
    if (first)
      signIn = `${first.email} / ${first.password}  (shown once: change it under Profile, or run pnpm plenary create-admin)`;
  }
  let shuttingDown = false;
  const app = createApp({
    runtime,
    services: createServices(runtime),
    trustProxy: env.TRUST_PROXY,
    hstsMaxAge: env.HSTS_MAX_AGE,
    serveApps: env.PLENARY_SERVE_APPS,
    isShuttingDown: () => shuttingDown,
  });
  const server = app.listen(env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://localhost:${port}`;
  logger.info(
    {
      port,
      database: describeDatabase(env),
      startupMs: Math.round(performance.now() - started),
      portal: `${base}/`,
      admin: `${base}/admin/`,
    },
    'Plenary is running',
  );
  // For the person at the terminal, besides the JSON log line above.
  console.log(
    [
      '',
      '  Plenary is running',
      `    Portal:   ${base}/`,
      `    Admin:    ${base}/admin/`,
      `    Database: ${describeDatabase(env)}`,
      `    Sign in:  ${signIn}`,
      ...(demoLine ? [`    ${demoLine}`] : []),
      '',
    ].join('\n'),
  );

  // Stop accepting, let in-flight requests finish, then close the queue and the database.
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took over 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    server.close(() => {
      stopSweeper();
      stopWebhookSweeper();
      stopDomainEvents();
      stopSchedule();
      closeRuntime(runtime)
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof EnvError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('Plenary could not start:', err);
  }
  process.exit(1);
});
