import {
  DomainError,
  organisationMatchKey,
  type CreateOrganisationInput,
  type OrganisationDto,
  type OrganisationServices,
  type SignedInCaller,
  type UpdateOrganisationInput,
} from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import * as repo from './organisations.repo';

const hangul = /\p{Script=Hangul}/u;

/** A typed name's row key; null for a name with nothing to match on. */
function keyOf(name: string, country: string | null): repo.NameKey | null {
  const matchKey = organisationMatchKey(name);
  return matchKey ? { matchKey, countryKey: country ?? '' } : null;
}

const mapKey = (k: repo.NameKey) => `${k.matchKey}\u0000${k.countryKey}`;

/**
 * The organisation behind each typed name (with the registrant's country), created
 * when no spelling of any organisation matches. Runs in the caller's transaction.
 * New names are claimed in key order, so two transactions creating the same pair of
 * organisations wait for each other in one order instead of deadlocking; the name's
 * primary key makes the second of two simultaneous creations use the first's row.
 */
export async function resolveOrganisations(
  tx: Executor,
  typed: ReadonlyArray<{ name: string; country: string | null }>,
  at: Date,
): Promise<Array<string | null>> {
  const keys = typed.map((t) => keyOf(t.name, t.country));
  const found = await repo.findByNames(
    tx,
    keys.filter((k): k is repo.NameKey => k !== null),
  );
  const missing = new Map<string, { key: repo.NameKey; name: string; country: string | null }>();
  keys.forEach((k, i) => {
    if (k && !found.has(mapKey(k)))
      missing.set(mapKey(k), { key: k, name: typed[i]!.name.trim(), country: typed[i]!.country });
  });
  for (const [mk, m] of [...missing.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const created = await repo.insertOrganisation(tx, {
      name: hangul.test(m.name) ? { ko: m.name } : { en: m.name },
      country: m.country,
      createdAt: at,
      updatedAt: at,
    });
    const holder = await repo.claimName(tx, m.key, created.id, m.name);
    if (holder !== created.id) await repo.deleteOrganisation(tx, created.id);
    found.set(mk, holder);
  }
  return keys.map((k) => (k ? (found.get(mapKey(k)) ?? null) : null));
}

/** One typed name (a registration's field changed by staff or the participant). */
export async function resolveOrganisation(
  tx: Executor,
  name: string,
  country: string | null,
  at: Date,
): Promise<string | null> {
  const [id] = await resolveOrganisations(tx, [{ name, country }], at);
  return id ?? null;
}

function ownKeys(name: { ko?: string; en?: string }, country: string | null): repo.NameKey[] {
  const keys = [name.ko, name.en]
    .filter((n): n is string => Boolean(n?.trim()))
    .map((n) => keyOf(n, country))
    .filter((k): k is repo.NameKey => k !== null);
  return [...new Map(keys.map((k) => [mapKey(k), k])).values()];
}

async function toDtos(db: Executor, rows: repo.OrganisationRow[]): Promise<OrganisationDto[]> {
  const ids = rows.map((r) => r.id);
  const [names, counts] = await Promise.all([repo.namesOf(db, ids), repo.referenceCounts(db, ids)]);
  return rows.map((r) => {
    const own = new Set(ownKeys(r.name, r.country).map((k) => k.matchKey));
    const aliases = [
      ...new Set(
        names.filter((n) => n.organisationId === r.id && !own.has(n.matchKey)).map((n) => n.spelling),
      ),
    ];
    const c = counts.get(r.id) ?? { registrations: 0, partners: 0 };
    return {
      id: r.id,
      name: r.name,
      country: r.country,
      type: r.type,
      website: r.website,
      aliases,
      registrations: c.registrations,
      partners: c.partners,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function toDto(db: Executor, row: repo.OrganisationRow): Promise<OrganisationDto> {
  const [dto] = await toDtos(db, [row]);
  return dto!;
}

const noSuch = () =>
  new DomainError('NOT_FOUND', { key: 'organisationNotFound' }, { organisationId: ['No such organisation'] });

/** Claims the organisation's own names, refusing one that another organisation holds. */
async function claimOwnNames(
  tx: Executor,
  organisationId: string,
  name: { ko?: string; en?: string },
  country: string | null,
): Promise<void> {
  for (const lang of ['ko', 'en'] as const) {
    const spelling = name[lang]?.trim();
    const key = spelling ? keyOf(spelling, country) : null;
    if (!spelling || !key) continue;
    const holder = await repo.claimName(tx, key, organisationId, spelling);
    if (holder !== organisationId) {
      const message = 'Another organisation has this name: merge the two instead';
      throw new DomainError('CONFLICT', { key: 'organisationNameTaken' }, { [`name.${lang}`]: [message] });
    }
  }
}

export function createOrganisationsService(runtime: Runtime): OrganisationServices['organisations'] {
  return {
    async list(_caller, input) {
      const { rows, total } = await repo.listOrganisations(runtime.db, input);
      return { items: await toDtos(runtime.db, rows), total };
    },

    async get(_caller, organisationId) {
      const row = await repo.findOrganisation(runtime.db, organisationId);
      if (!row || row.mergedInto) throw noSuch();
      return toDto(runtime.db, row);
    },

    create: (caller: SignedInCaller, input: CreateOrganisationInput) =>
      inTransaction(runtime, async ({ tx }) => {
        const at = runtime.now();
        const row = await repo.insertOrganisation(tx, { ...input, createdAt: at, updatedAt: at });
        await claimOwnNames(tx, row.id, input.name, input.country);
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'organisation.create',
          objectType: 'organisation',
          objectId: row.id,
          after: { name: row.name, country: row.country, type: row.type, website: row.website },
        });
        return toDto(tx, row);
      }),

    update: (caller: SignedInCaller, input: UpdateOrganisationInput) =>
      inTransaction(runtime, async ({ tx }) => {
        const row = await repo.findOrganisation(tx, input.organisationId, true);
        if (!row || row.mergedInto) throw noSuch();
        const { organisationId: _id, ...fields } = input;
        const at = runtime.now();
        if (fields.country !== row.country) await repo.rekeyNames(tx, row.id, fields.country ?? '');
        await claimOwnNames(tx, row.id, fields.name, fields.country);
        await repo.updateOrganisation(tx, row.id, { ...fields, updatedAt: at });
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'organisation.update',
          objectType: 'organisation',
          objectId: row.id,
          before: { name: row.name, country: row.country, type: row.type, website: row.website },
          after: fields,
        });
        const updated = await repo.findOrganisation(tx, row.id);
        return toDto(tx, updated!);
      }),

    merge: (caller, input) =>
      inTransaction(runtime, async ({ tx }) => {
        const ids = [input.survivorId, ...new Set(input.duplicateIds)];
        const rows = await repo.lockOrganisations(tx, ids);
        const survivor = rows.find((r) => r.id === input.survivorId);
        if (!survivor || survivor.mergedInto) throw noSuch();
        const live = rows.filter((r) => r.id !== survivor.id && !r.mergedInto);
        if (live.length !== ids.length - 1) {
          const message = 'One of these organisations does not exist or was merged already';
          throw new DomainError(
            'NOT_FOUND',
            { key: 'organisationsToMergeMissing' },
            { duplicateIds: [message] },
          );
        }
        const clashes = await repo.mergeClashes(tx, ids);
        if (clashes.length) throw new DomainError('CONFLICT', { key: 'organisationsMergeClash' });
        const at = runtime.now();
        await repo.moveReferences(
          tx,
          live.map((r) => r.id),
          survivor.id,
          survivor.country ?? '',
          at,
        );
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'organisation.merge',
          objectType: 'organisation',
          objectId: survivor.id,
          before: { merged: live.map((r) => ({ id: r.id, name: r.name, country: r.country })) },
          after: { merged: live.map((r) => r.id) },
        });
        return toDto(tx, survivor);
      }),
  };
}
