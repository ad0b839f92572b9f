import type {
  AuditActorDto,
  Caller,
  CallerAgent,
  DelegationCaller,
  EventCaller,
  ParticipantCaller,
  PartnerCaller,
  Services,
} from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import {
  findAuditEntries,
  insertAuditEntries,
  type AuditFilter,
  type AuditRow,
  type NewAuditRow,
} from './audit.repo';

/** Fields never copied into the audit log, whatever object they belong to. */
const SECRET_FIELDS = new Set(['passwordHash', 'totpSecret', 'tokenHash', 'codeHash', 'csrfToken']);

type Plain = Record<string, unknown> | null | undefined;

function normalise(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/** Changed fields only, as { field: { before, after } }; secrets are left out. */
export function auditDiff(before: Plain, after: Plain): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    if (SECRET_FIELDS.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) diff[key] = { before: b ?? null, after: a ?? null };
  }
  return diff;
}

export interface AuditChange {
  eventId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: Plain;
  after?: Plain;
  /** Who acted, when the caller does not say (a user who just accepted an invitation). */
  actor?: AuditActor;
  /**
   * A label for an actor the kinds do not name. Ignored for participants,
   * delegation contacts and partners: their label is derived, never personal data.
   */
  actorLabel?: string;
}

/** Who acted, by kind and id (see audit_log.actor_kind). */
export type AuditActor =
  | CallerAgent
  | { kind: 'user'; userId: string; email: string }
  | { kind: 'cli' }
  | { kind: 'system' }
  | { kind: 'anonymous' };

/** Whoever a service was called by: any resolved caller, or the CLI, or the system itself. */
export type AuditCaller = Caller | ParticipantCaller | DelegationCaller | PartnerCaller | 'cli' | 'system';

/** The actor a caller stands for: a staff session first, then the agent its access rule resolved. */
export function auditActorOf(caller: AuditCaller): AuditActor {
  if (caller === 'cli' || caller === 'system') return { kind: caller };
  if ('partner' in caller) {
    const { apiKeyId, partnerId, partnerName } = caller.partner;
    return { kind: 'apiKey', apiKeyId, partnerId, partnerName };
  }
  if ('linkToken' in caller) return { kind: 'participant', registrationId: caller.registrationId };
  if ('delegationId' in caller) return { kind: 'delegationContact', delegationId: caller.delegationId };
  if (caller.actor) return { kind: 'user', userId: caller.actor.userId, email: caller.actor.email };
  return caller.agent ?? { kind: 'anonymous' };
}

type ActorColumns = Pick<
  NewAuditRow,
  | 'actorKind'
  | 'actorUserId'
  | 'actorPersonId'
  | 'actorApiKeyId'
  | 'actorPartnerId'
  | 'actorObjectId'
  | 'actorLabel'
>;

function actorColumns(actor: AuditActor, label: string | undefined): ActorColumns {
  const none = {
    actorUserId: null,
    actorPersonId: null,
    actorApiKeyId: null,
    actorPartnerId: null,
    actorObjectId: null,
  };
  switch (actor.kind) {
    case 'user':
      return { ...none, actorKind: 'user', actorUserId: actor.userId, actorLabel: label ?? actor.email };
    case 'person':
      return { ...none, actorKind: 'person', actorPersonId: actor.personId, actorLabel: 'person' };
    case 'participant':
      return {
        ...none,
        actorKind: 'participant',
        actorObjectId: actor.registrationId,
        actorLabel: 'participant',
      };
    case 'delegationContact':
      return {
        ...none,
        actorKind: 'delegationContact',
        actorObjectId: actor.delegationId,
        actorLabel: 'delegation contact',
      };
    case 'apiKey':
      return {
        ...none,
        actorKind: 'apiKey',
        actorApiKeyId: actor.apiKeyId,
        actorPartnerId: actor.partnerId,
        actorLabel: `partner ${actor.partnerName}`,
      };
    default:
      return { ...none, actorKind: actor.kind, actorLabel: label ?? actor.kind };
  }
}

function auditRow(caller: AuditCaller, change: AuditChange): NewAuditRow {
  return {
    ...actorColumns(change.actor ?? auditActorOf(caller), change.actorLabel),
    eventId: change.eventId,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    diff: auditDiff(change.before, change.after),
    requestId: typeof caller === 'string' ? null : caller.request.requestId,
    ip: typeof caller === 'string' ? null : caller.request.ip,
  };
}

/**
 * Records a staff mutation. Call it with the transaction of the change itself, so
 * the entry exists exactly when the change does.
 */
export async function recordAudit(db: Executor, caller: AuditCaller, change: AuditChange): Promise<void> {
  await insertAuditEntries(db, [auditRow(caller, change)]);
}

/** Several changes, each with its own caller, in one statement (a batch of registrations). */
export async function recordAudits(
  db: Executor,
  entries: Array<{ caller: AuditCaller; change: AuditChange }>,
): Promise<void> {
  await insertAuditEntries(
    db,
    entries.map((e) => auditRow(e.caller, e.change)),
  );
}

function actorDto(r: AuditRow, userName: string | null, partnerName: string | null): AuditActorDto {
  const id =
    r.actorKind === 'user'
      ? r.actorUserId
      : r.actorKind === 'person'
        ? r.actorPersonId
        : r.actorKind === 'apiKey'
          ? r.actorApiKeyId
          : r.actorObjectId;
  return {
    kind: r.actorKind,
    id: id ?? null,
    partnerId: r.actorPartnerId,
    name: r.actorKind === 'user' ? userName : r.actorKind === 'apiKey' ? partnerName : null,
  };
}

type AuditQuery = Omit<AuditFilter, 'beforeId' | 'from' | 'to'> & {
  from?: string | undefined;
  to?: string | undefined;
  cursor?: number | undefined;
};

async function listEntries(runtime: Runtime, q: AuditQuery) {
  const rows = await findAuditEntries(runtime.db, {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    beforeId: q.cursor,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(({ row: r, userName, partnerName }) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: actorDto(r, userName, partnerName),
      actorUserId: r.actorUserId,
      actorLabel: r.actorLabel,
      eventId: r.eventId,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      diff: r.diff,
    })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.row.id ?? null) : null,
  };
}

export function createAuditService(runtime: Runtime): Services['audit'] {
  return {
    list: (caller: EventCaller, input) => listEntries(runtime, { ...input, eventId: caller.eventId }),
    listPlatform: (_caller, input) => listEntries(runtime, { ...input, eventId: input.eventId }),
  };
}
