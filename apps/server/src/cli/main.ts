import { Command } from 'commander';
import { apiKeyCommand } from './commands/api-key';
import { createAdminCommand } from './commands/create-admin';
import { demoCommand } from './commands/demo';
import { migrateCommand } from './commands/migrate';
import { partnerCommand } from './commands/partner';
import { userFacingMessage } from './run';

/**
 * `pnpm plenary <command>`: the operator's tools. Every command is non-interactive,
 * reads its configuration from the environment (env.ts) and opens the same
 * database as the server. Exit code 0 on success, 1 on any failure.
 */
const ENVIRONMENT = `
Environment:
  DATABASE_URL      PostgreSQL to use, e.g. postgres://plenary@db.example.org:5432/plenary
                    (unset: the embedded database, PGlite)
  PLENARY_DATA_DIR  where the embedded database keeps its files (default: .data in the
                    workspace root); a relative path is taken from apps/server under pnpm
  PUBLIC_URL        the server's address, for the links the commands print
  LOG_LEVEL         fatal, error, warn, info (default), debug, trace or silent; logs go to stderr

With the embedded database, stop the server before running a command: only one
process can use the data directory at a time.

For scripts, add --json (one JSON object on stdout, everything else on stderr) and
run as "pnpm --silent plenary ...", or pnpm prints its own banner on stdout first.`;

function program(): Command {
  return new Command('plenary')
    .description(
      'Plenary on the command line: migrate the database, create the first administrator, load demo data, issue partner API keys.',
    )
    .addCommand(migrateCommand())
    .addCommand(createAdminCommand())
    .addCommand(demoCommand())
    .addCommand(partnerCommand())
    .addCommand(apiKeyCommand())
    .addHelpText('after', ENVIRONMENT)
    .showHelpAfterError('(run plenary --help to see the commands)');
}

program()
  .parseAsync(process.argv)
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    const message = userFacingMessage(err);
    console.error(message ?? err);
    process.exit(1);
  });
