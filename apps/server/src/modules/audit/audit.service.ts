import type { Caller, EventCaller, Services } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import { findAuditEntries, insertAuditEntries, type AuditFilter, type NewAuditRow } from './audit.repo';

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
  /** Who to name when there is no signed-in actor (e.g. the invitee accepting). */
  actorLabel?: string;
}

type AuditCaller = Caller | 'cli' | 'system';

function auditRow(caller: AuditCaller, change: AuditChange): NewAuditRow {
  const actor = typeof caller === 'string' ? null : caller.actor;
  return {
    actorUserId: actor?.userId ?? null,
    actorLabel: change.actorLabel ?? (typeof caller === 'string' ? caller : (actor?.email ?? 'anonymous')),
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

type AuditQuery = Omit<AuditFilter, 'beforeId' | 'from' | 'to'> & { from?: string | undefined; to?: string | undefined; cursor?: number | undefined };

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
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorLabel: r.actorLabel,
      eventId: r.eventId,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      diff: r.diff,
    })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export function createAuditService(runtime: Runtime): Services['audit'] {
  return {
    list: (caller: EventCaller, input) => listEntries(runtime, { ...input, eventId: caller.eventId }),
    listPlatform: (_caller, input) => listEntries(runtime, { ...input, eventId: input.eventId }),
  };
}
