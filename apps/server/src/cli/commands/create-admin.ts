import { Command } from 'commander';
import { createUserInput, DomainError } from '@plenary/contracts';
import { createUser } from '../../modules/identity/users.service';
import { CliError, flagErrors, output, withRuntime } from '../run';

interface Options {
  email: string;
  password?: string;
  passwordStdin?: boolean;
  name: string;
  json?: boolean;
}

const flags = { email: '--email', password: '--password', displayName: '--name' };

export function createAdminCommand(): Command {
  return new Command('create-admin')
    .description('create a platform administrator (manages every event, the users and the mail outbox)')
    .requiredOption('--email <email>', 'sign-in email address')
    .option('--password <password>', 'password, at least 10 characters (visible in the shell history and ps)')
    .option(
      '--password-stdin',
      'read the password from standard input (one line), kept out of history and ps',
    )
    .option('--name <name>', 'display name', 'Administrator')
    .option('--json', 'print one JSON object with the new id (nothing else on stdout)')
    .action(async (options: Options) => {
      const out = output(options);
      if (Boolean(options.passwordStdin) === (options.password !== undefined))
        throw new CliError('Give the password with --password or --password-stdin (one of them).');
      const password = options.passwordStdin ? await readPasswordLine() : options.password;
      // The same rules as the admin console's form (contracts' createUserInput).
      const parsed = createUserInput.safeParse({
        email: options.email,
        password,
        displayName: options.name,
        isPlatformAdmin: true,
      });
      if (!parsed.success)
        throw new CliError(`The administrator was not created:\n${flagErrors(parsed.error, flags)}`);
      const input = parsed.data;

      const user = await withRuntime(out, async (runtime) => {
        try {
          return {
            ...(await createUser(runtime, 'cli', input)),
            signIn: `${runtime.config.publicUrl}/admin/`,
          };
        } catch (err) {
          if (err instanceof DomainError && err.code === 'CONFLICT') {
            throw new CliError(
              `An account with the email ${input.email} already exists; nothing was changed.`,
            );
          }
          throw err;
        }
      });
      out.say(`Created the platform administrator ${user.email} (${user.displayName}), id ${user.id}.`);
      out.say(`Sign in at ${user.signIn}`);
      out.result({
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        isPlatformAdmin: user.isPlatformAdmin,
      });
    });
}

/** Standard input up to its end, without the line break that `echo` or a here-string adds. */
async function readPasswordLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
