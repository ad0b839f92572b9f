import { Command } from 'commander';
import { createPartnerInput, DomainError } from '@plenary/contracts';
import { createPartner } from '../../modules/partners/partners.service';
import { CliError, flagErrors, output, withRuntime } from '../run';

interface CreateOptions {
  name: string;
  contactEmail?: string;
  json?: boolean;
}

const flags = { name: '--name', contactEmail: '--contact-email' };

function createCommand(): Command {
  return new Command('create')
    .description('add a partner organisation (then issue it keys with "plenary api-key create")')
    .requiredOption('--name <name>', 'the organisation, e.g. "KOTRA"; unique regardless of case')
    .option('--contact-email <email>', 'who to contact about its integration')
    .option('--json', 'print one JSON object with the new id (nothing else on stdout)')
    .action(async (options: CreateOptions) => {
      const out = output(options);
      const parsed = createPartnerInput.safeParse({
        name: options.name,
        contactEmail: options.contactEmail ?? null,
      });
      if (!parsed.success)
        throw new CliError(`The partner was not created:\n${flagErrors(parsed.error, flags)}`);
      const partner = await withRuntime(out, async (runtime) => {
        try {
          return await createPartner(runtime, 'cli', parsed.data);
        } catch (err) {
          if (err instanceof DomainError && err.code === 'CONFLICT')
            throw new CliError(`A partner named "${parsed.data.name}" already exists; nothing was changed.`);
          throw err;
        }
      });
      out.say(`Created the partner ${partner.name}, id ${partner.id}.`);
      out.say(
        `Issue it a key: plenary api-key create --partner ${partner.id} --event <id or slug> --scopes events:read`,
      );
      out.result(partner);
    });
}

/** `plenary partner ...`: partner organisations that call the API. */
export function partnerCommand(): Command {
  return new Command('partner')
    .description('partner organisations that call the REST API')
    .addCommand(createCommand());
}
