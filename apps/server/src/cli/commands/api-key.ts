import { Command } from 'commander';
import { apiScopes, createApiKeyInput, type ApiScope } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import * as repo from '../../modules/partners/partners.repo';
import { issueApiKey } from '../../modules/partners/partners.service';
import { CliError, flagErrors, output, withRuntime } from '../run';

interface CreateOptions {
  partner: string;
  event?: string;
  allEvents?: boolean;
  scopes: string;
  name: string;
  rateLimit?: string;
  json?: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const flags = { name: '--name', scopes: '--scopes', requestsPerMinute: '--rate-limit' };

async function findPartner(runtime: Runtime, ref: string) {
  if (!uuid.test(ref)) {
    const named = await repo.findPartnersByName(runtime.db, ref.trim());
    // An event's managers may add a partner whose name another event uses: then ask for the id.
    if (named.length > 1)
      throw new CliError(`${named.length} partners are called "${ref}": give one's id (${named.map((p) => p.id).join(', ')})`);
    if (named[0]) return named[0];
  }
  const partner = uuid.test(ref) ? await repo.findPartner(runtime.db, ref.toLowerCase()) : undefined;
  if (!partner)
    throw new CliError(`No partner "${ref}": create it first with "plenary partner create --name ..."`);
  return partner;
}

async function findEvent(runtime: Runtime, ref: string) {
  const event = uuid.test(ref)
    ? await repo.findEventById(runtime.db, ref.toLowerCase())
    : await repo.findEventBySlug(runtime.db, ref.trim().toLowerCase());
  if (!event) throw new CliError(`No event "${ref}" (give its id or slug)`);
  return event;
}

function createCommand(): Command {
  return new Command('create')
    .description('issue an API key to a partner; the key is printed once and only its hash is kept')
    .requiredOption('--partner <id or name>', 'the partner organisation')
    .option('--event <id or slug>', 'the event the key is for')
    .option('--all-events', 'a key for every published event instead of one')
    .requiredOption('--scopes <list>', `comma-separated, from: ${apiScopes.join(', ')}`)
    .option('--name <name>', 'what the key is for, shown in lists', 'API key')
    .option(
      '--rate-limit <n>',
      "requests a minute this key may make (default: the server's PLENARY_API_REQUESTS_PER_MINUTE)",
    )
    .option('--json', 'print one JSON object with the new id and the key (nothing else on stdout)')
    .action(async (options: CreateOptions) => {
      const out = output(options);
      if (Boolean(options.event) === Boolean(options.allEvents))
        throw new CliError('Give either --event <id or slug> or --all-events.');
      const scopes = options.scopes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = scopes.filter((s) => !(apiScopes as readonly string[]).includes(s));
      if (unknown.length)
        throw new CliError(
          `Unknown scope ${unknown.join(', ')}: use ${apiScopes.join(', ')} (comma-separated).`,
        );
      // The console's rules for a key (name, at least one scope); the event id is checked below.
      const parsed = createApiKeyInput.pick({ name: true, scopes: true, requestsPerMinute: true }).safeParse({
        name: options.name,
        scopes: scopes as ApiScope[],
        requestsPerMinute: options.rateLimit === undefined ? null : Number(options.rateLimit),
      });
      if (!parsed.success) throw new CliError(`The key was not created:\n${flagErrors(parsed.error, flags)}`);

      const result = await withRuntime(out, async (runtime) => {
        const partner = await findPartner(runtime, options.partner);
        const event = options.event ? await findEvent(runtime, options.event) : null;
        const created = await issueApiKey(runtime, 'cli', {
          partnerId: partner.id,
          eventId: event?.id ?? null,
          name: parsed.data.name,
          scopes: parsed.data.scopes,
          requestsPerMinute: parsed.data.requestsPerMinute,
        });
        return { ...created, eventSlug: event?.slug ?? null, apiUrl: `${runtime.config.publicUrl}/api/v1` };
      });
      const { apiKey, key } = result;
      out.say(
        `Created the API key ${apiKey.prefix} for ${apiKey.partnerName} on ${result.eventSlug ?? 'every published event'} ` +
          `(scopes: ${apiKey.scopes.join(', ')}; ${apiKey.requestsPerMinute === null ? "the server's default rate limit" : `${apiKey.requestsPerMinute} requests a minute`}), id ${apiKey.id}.`,
      );
      out.say(`The key, shown this once (store it now): ${key}`);
      out.say(`Send it as "Authorization: Bearer <key>" to ${result.apiUrl}`);
      out.result({
        id: apiKey.id,
        partnerId: apiKey.partnerId,
        eventId: apiKey.eventId,
        name: apiKey.name,
        prefix: apiKey.prefix,
        scopes: apiKey.scopes,
        requestsPerMinute: apiKey.requestsPerMinute,
        key,
      });
    });
}

/** `plenary api-key ...`: partners' keys to the REST API. */
export function apiKeyCommand(): Command {
  return new Command('api-key')
    .description("partners' keys to the REST API at /api/v1")
    .addCommand(createCommand());
}
