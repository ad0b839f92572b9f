import { Command } from 'commander';
import { migrateDatabase, migrationStatus } from '@plenary/db';
import { describeDatabase, openConfiguredDatabase } from '../../core/bootstrap';
import { startJobQueue } from '../../core/jobs';
import { parseEnv } from '../../env';
import { cliLogger, output } from '../run';

/**
 * Applies pending migrations and says how many there were. It uses the steps of
 * openRuntime one by one (open, migrate, job-queue schema) because it must read
 * the status before migrating, which openRuntime does first thing.
 */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending database migrations and print how many are applied and pending')
    .option('--json', 'print one JSON object with the counts (nothing else on stdout)')
    .action(async (options: { json?: boolean }) => {
      const out = output(options);
      const env = parseEnv();
      const database = await openConfiguredDatabase(env);
      try {
        out.say(`Database: ${describeDatabase(env)}`);
        const before = await migrationStatus(database);
        await migrateDatabase(database);
        // pg-boss keeps its own schema; starting the queue creates or upgrades it.
        const jobs = await startJobQueue(database, cliLogger(env), { work: false });
        await jobs.stop();
        const after = await migrationStatus(database);
        const appliedNow = after.applied - before.applied;
        const counts = `${after.applied} of ${after.expected} applied, ${after.pending} pending`;
        out.say(
          appliedNow > 0
            ? `Applied ${appliedNow} migration${appliedNow === 1 ? '' : 's'}: ${counts}.`
            : `Nothing to apply: ${counts}.`,
        );
        out.result({ appliedNow, applied: after.applied, pending: after.pending, total: after.expected });
      } finally {
        await database.close();
      }
    });
}
