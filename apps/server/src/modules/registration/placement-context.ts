import { sql, type Executor } from '@plenary/db';
import type { LocalizedText, StandardFieldRules } from '@plenary/contracts';
import type { FormQuestionRow } from '@plenary/db/schema';
import { selectRows, sqlArray } from '../../core/sql';
import { eventRuleColumns, ruleOf, type EventLimitRule } from './capacity';

/**
 * A category as read before the locks: everything but its limit, which is read
 * under the locks (capacity/counts.ts) so a limit changed meanwhile is seen.
 */
export interface ContextCategory {
  id: string;
  requiresApproval: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  feeAmount: number | null;
  visibility: 'public' | 'invitation';
}

/** A code as read before the locks, to name it and fail fast; its limits are read again under them. */
export interface ContextCode {
  id: string;
  categoryId: string;
  maxUses: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** What placing a batch of registrations reads before it takes any lock, in one round trip. */
export interface PlacementContext {
  event: { id: string; title: LocalizedText; status: string } | null;
  standardFields: StandardFieldRules;
  questions: FormQuestionRow[];
  /** The categories asked for that belong to this event, by id. */
  categories: Map<string, ContextCategory>;
  /** The invitation codes entered that belong to this event, by code. */
  codes: Map<string, ContextCode>;
  /** The options asked for that this event offers, by id (their seats are read under the locks). */
  options: Map<string, { id: string }>;
  /** Addresses among those asked for that already have a live registration. */
  registeredEmails: Set<string>;
  /** The current version of each consent text. */
  consents: Array<{ kind: string; version: number; required: boolean }>;
  rule: EventLimitRule;
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

/**
 * The event, its form and consent texts, the categories, codes and options
 * asked for, which addresses are already registered, and the event-limit rule: one query for
 * the whole batch, because every round trip here is paid by each batch.
 */
export async function readPlacementContext(
  db: Executor,
  q: { eventId: string; categoryIds: string[]; codes: string[]; optionIds: string[]; emails: string[] },
): Promise<PlacementContext> {
  const [row] = await selectRows<{
    event: { id: string; title: LocalizedText; status: string } | null;
    settings: { standard_fields: StandardFieldRules; questions: FormQuestionRow[] } | null;
    categories: Array<{
      id: string;
      requires_approval: boolean;
      opens_at: string | null;
      closes_at: string | null;
      fee_amount: number | null;
      visibility: 'public' | 'invitation';
    }> | null;
    codes: Array<{
      id: string;
      code: string;
      category_id: string;
      max_uses: number;
      expires_at: string | null;
      revoked_at: string | null;
    }> | null;
    options: Array<{ id: string }> | null;
    registered: string[] | null;
    consents: Array<{ kind: string; version: number; required: boolean }> | null;
    event_capacity: number | null;
    unlimited: number;
    total: number;
  }>(
    db,
    sql`select
      (select json_build_object('id', e.id, 'title', e.title, 'status', e.status) from events e where e.id = ${q.eventId}) as event,
      (select json_build_object('standard_fields', s.standard_fields, 'questions', s.questions)
         from registration_settings s where s.event_id = ${q.eventId}) as settings,
      (select json_agg(json_build_object('id', c.id, 'requires_approval', c.requires_approval, 'opens_at', c.opens_at,
                                         'closes_at', c.closes_at, 'fee_amount', c.fee_amount, 'visibility', c.visibility))
         from registration_categories c where c.event_id = ${q.eventId} and c.id = any(${sqlArray(q.categoryIds, 'uuid')})) as categories,
      (select json_agg(json_build_object('id', i.id, 'code', i.code, 'category_id', i.category_id, 'max_uses', i.max_uses,
                                         'expires_at', i.expires_at, 'revoked_at', i.revoked_at))
         from invitation_codes i where i.event_id = ${q.eventId} and i.code = any(${sqlArray(q.codes, 'text')})) as codes,
      (select json_agg(json_build_object('id', o.id))
         from registration_options o where o.event_id = ${q.eventId} and o.id = any(${sqlArray(q.optionIds, 'uuid')})) as options,
      (select json_agg(p.email) from registrations r join persons p on p.id = r.person_id where r.event_id = ${q.eventId} and p.email = any(${sqlArray(q.emails, 'text')})
                and r.status not in ('cancelled','rejected')) as registered,
      (select json_agg(json_build_object('kind', v.kind, 'version', v.version, 'required', v.required))
         from (select distinct on (kind) kind, version, required from consent_versions
               where event_id = ${q.eventId} order by kind, version desc) v) as consents,
      ${eventRuleColumns(q.eventId)}`,
  );
  if (!row) throw new Error('placement context returned nothing');
  return {
    event: row.event,
    standardFields: row.settings?.standard_fields ?? {},
    questions: row.settings?.questions ?? [],
    categories: new Map(
      (row.categories ?? []).map((c) => [
        c.id,
        {
          id: c.id,
          requiresApproval: c.requires_approval,
          opensAt: date(c.opens_at),
          closesAt: date(c.closes_at),
          feeAmount: c.fee_amount,
          visibility: c.visibility,
        },
      ]),
    ),
    codes: new Map(
      (row.codes ?? []).map((k) => [
        k.code,
        {
          id: k.id,
          categoryId: k.category_id,
          maxUses: k.max_uses,
          expiresAt: date(k.expires_at),
          revokedAt: date(k.revoked_at),
        },
      ]),
    ),
    options: new Map((row.options ?? []).map((o) => [o.id, { id: o.id }])),
    registeredEmails: new Set(row.registered ?? []),
    consents: row.consents ?? [],
    rule: ruleOf(row),
  };
}
