import {
  apiScopes,
  DomainError,
  type ApiKeyDto,
  type ApiScope,
  type Caller,
  type CreatedApiKeyOutput,
  type CreatePartnerInput,
  type PartnerDto,
  type PartnerServices,
  type Services,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { resolveOrganisation } from '../organisations/organisations.service';
import { generateApiKey, keyMatches, prefixOf } from './api-keys';
import { createPartnerAdmin, partnerDto } from './partner-admin.service';
import { createPartnerApi } from './partner-api.service';
import * as repo from './partners.repo';

/** "Last used" is written at most this often per key, so a busy key does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isScope(s: string): s is ApiScope {
  return (apiScopes as readonly string[]).includes(s);
}

function keyDto(r: repo.ApiKeyRow): ApiKeyDto {
  return {
    id: r.id,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    eventId: r.eventId,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes.filter(isScope),
    requestsPerMinute: r.requestsPerMinute,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Adds a partner organisation (console or command line). With forEventId (an
 * event manager adding one for their event) it is linked to that event only.
 */
export async function createPartner(
  runtime: Runtime,
  caller: Caller | 'cli',
  input: CreatePartnerInput,
  forEventId: string | null = null,
): Promise<PartnerDto> {
  return inTransaction(runtime, async ({ tx }) => {
    await repo.lockPartnerName(tx, input.name);
    // An event's managers see only their event's partners, so only those names are refused
    // to them: refusing a name used elsewhere would tell them it exists (issue 10, item 6).
    if (await repo.partnerNameTaken(tx, input.name, { eventId: forEventId })) {
      const message = forEventId
        ? 'Another partner of this event already has this name'
        : 'Another partner already has this name';
      throw new DomainError(
        'CONFLICT',
        forEventId ? { key: 'partnerNameTakenInEvent' } : { key: 'partnerNameTaken' },
        { name: [message] },
      );
    }
    const at = runtime.now();
    const row = await repo.insertPartner(tx, {
      name: input.name,
      contactEmail: input.contactEmail,
      // The shared organisation it is: matched by name, else created without a country.
      organisationId: await resolveOrganisation(tx, input.name, null, at),
      createdAt: at,
    });
    if (forEventId) await repo.linkPartner(tx, forEventId, row.id, at);
    await recordAudit(tx, caller, {
      eventId: forEventId,
      action: 'partner.create',
      objectType: 'partner',
      objectId: row.id,
      after: { name: row.name, contactEmail: row.contactEmail },
    });
    return partnerDto(row, forEventId ? [forEventId] : []);
  });
}

export interface IssueApiKey {
  partnerId: string;
  /** null: every published event (command line only). */
  eventId: string | null;
  name: string;
  scopes: ApiScope[];
  /** null: the server's default. */
  requestsPerMinute?: number | null;
}

/** Issues a key; the secret is returned here once and only its hash is kept. */
export async function issueApiKey(
  runtime: Runtime,
  caller: Caller | 'cli',
  input: IssueApiKey,
): Promise<CreatedApiKeyOutput> {
  return inTransaction(runtime, async ({ tx }) => {
    if (!(await repo.findPartner(tx, input.partnerId))) {
      throw new DomainError('NOT_FOUND', { key: 'partnerNotFound' }, { partnerId: ['No such partner'] });
    }
    if (input.eventId && !(await repo.findEventById(tx, input.eventId))) {
      throw new DomainError('NOT_FOUND', { key: 'eventNotFound' }, { eventId: ['No such event'] });
    }
    if (input.eventId) {
      // In the console an event's managers key only the partners linked to their event
      // (finding 10); the same answer as an unknown partner, so no other name leaks.
      // The command line is the platform operator's, and links the partner as it keys it.
      if (caller === 'cli') await repo.linkPartner(tx, input.eventId, input.partnerId, runtime.now());
      else if (!(await repo.isLinked(tx, input.eventId, input.partnerId))) {
        throw new DomainError('NOT_FOUND', { key: 'partnerNotFound' }, { partnerId: ['No such partner'] });
      }
    }
    const { key, prefix, secretHash } = generateApiKey();
    const id = await repo.insertApiKey(tx, {
      partnerId: input.partnerId,
      eventId: input.eventId,
      name: input.name,
      prefix,
      secretHash,
      scopes: [...new Set(input.scopes)],
      requestsPerMinute: input.requestsPerMinute ?? null,
      createdBy: typeof caller === 'string' ? null : (caller.actor?.userId ?? null),
      createdAt: runtime.now(),
    });
    const row = await repo.findKey(tx, id);
    if (!row) throw new Error('api key vanished');
    // The hash is left out of the audit entry: it is as good as the key for an offline guess.
    await recordAudit(tx, caller, {
      eventId: input.eventId,
      action: 'apiKey.create',
      objectType: 'apiKey',
      objectId: id,
      after: {
        partnerId: row.partnerId,
        name: row.name,
        prefix: row.prefix,
        scopes: row.scopes,
        requestsPerMinute: row.requestsPerMinute,
      },
    });
    return { apiKey: keyDto(row), key };
  });
}

/** How API keys are resolved: used by the partner access rule. */
export function createPartnerAccess(
  runtime: Runtime,
): Pick<Services['access'], 'partnerKey' | 'partnerEvent'> {
  return {
    async partnerKey(key) {
      const prefix = prefixOf(key);
      if (!prefix) return null;
      const row = await repo.findKeyByPrefix(runtime.db, prefix);
      if (!row || !keyMatches(key, row.secretHash) || row.revokedAt) return null;
      const now = runtime.now();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
        await repo.touchKey(runtime.db, row.id, now);
      }
      return {
        apiKeyId: row.id,
        partnerId: row.partnerId,
        partnerName: row.partnerName,
        eventId: row.eventId,
        scopes: row.scopes.filter(isScope),
        requestsPerMinute: row.requestsPerMinute,
      };
    },

    async partnerEvent(partner, ref) {
      const row = uuidPattern.test(ref)
        ? await repo.findEventById(runtime.db, ref.toLowerCase())
        : await repo.findEventBySlug(runtime.db, ref.toLowerCase());
      // Drafts are not public yet; a key for one event does not see the others.
      if (!row || row.status === 'draft') return null;
      if (partner.eventId && partner.eventId !== row.id) return null;
      return row.id;
    },
  };
}

export function createPartnerServices(runtime: Runtime): PartnerServices {
  return {
    partners: {
      ...createPartnerAdmin(runtime),
      create: (caller, input) => createPartner(runtime, caller, input),
      createForEvent: (caller, input) =>
        createPartner(
          runtime,
          caller,
          { name: input.name, contactEmail: input.contactEmail },
          caller.eventId,
        ),
      async keys(caller) {
        const [keys, partners] = await Promise.all([
          repo.listEventKeys(runtime.db, caller.eventId),
          repo.listEventPartners(runtime.db, caller.eventId),
        ]);
        return { keys: keys.map(keyDto), partners: partners.map((p) => ({ id: p.id, name: p.name })) };
      },
      createKey: (caller, input) =>
        issueApiKey(runtime, caller, {
          partnerId: input.partnerId,
          eventId: caller.eventId,
          name: input.name,
          scopes: input.scopes,
          requestsPerMinute: input.requestsPerMinute,
        }),
      async revokeKey(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const key = await repo.findEventKeyForUpdate(tx, caller.eventId, input.apiKeyId);
          if (!key) throw new DomainError('NOT_FOUND', { key: 'apiKeyNotFound' });
          if (!key.revokedAt) {
            const at = runtime.now();
            await repo.revokeKey(tx, key.id, at);
            await recordAudit(tx, caller, {
              eventId: caller.eventId,
              action: 'apiKey.revoke',
              objectType: 'apiKey',
              objectId: key.id,
              before: { revokedAt: null },
              after: { revokedAt: at },
            });
          }
          const row = await repo.findKey(tx, key.id);
          if (!row) throw new Error('api key vanished');
          return keyDto(row);
        });
      },
    },
    api: createPartnerApi(runtime),
  };
}
