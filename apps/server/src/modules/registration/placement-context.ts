import { sql, type Executor } from '@plenary/db';
import type { LocalizedText, StandardFieldRules } from '@plenary/contracts';
import type { FormQuestionRow } from '@plenary/db/schema';
import { eventRuleColumns, ruleOf, selectRows, type EventLimitRule } from './capacity';

/** What placing one registration reads before it takes any lock, in one round trip. */
export interface PlacementContext {
  event: { id: string; title: LocalizedText; status: string } | null;
  standardFields: StandardFieldRules;
  questions: FormQuestionRow[];
  category: {
    id: string;
    capacity: number | null;
    requiresApproval: boolean;
    opensAt: Date | null;
    closesAt: Date | null;
    feeAmount: number | null;
    visibility: 'public' | 'invitation';
  } | null;
  code: {
    id: string;
    categoryId: string;
    maxUses: number;
    expiresAt: Date | null;
    revokedAt: Date | null;
  } | null;
  /** The options asked for that this event offers. */
  options: Array<{ id: string; capacity: number | null }>;
  /** A live registration with this email exists. */
  duplicate: boolean;
  rule: EventLimitRule;
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

/**
 * The event, its form, the category, code and options asked for, whether the
 * email is already registered, and the event-limit rule: six reads as one query,
 * because every round trip here is paid by each registration.
 */
export async function readPlacementContext(
  db: Executor,
  q: { eventId: string; categoryId: string; code: string | null; optionIds: string[]; email: string },
): Promise<PlacementContext> {
  const optionIds = q.optionIds.length
    ? sql`array[${sql.join(
        q.optionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`
    : sql`array[]::uuid[]`;
  const [row] = await selectRows<{
    event: { id: string; title: LocalizedText; status: string } | null;
    settings: { standard_fields: StandardFieldRules; questions: FormQuestionRow[] } | null;
    category: {
      id: string;
      capacity: number | null;
      requires_approval: boolean;
      opens_at: string | null;
      closes_at: string | null;
      fee_amount: number | null;
      visibility: 'public' | 'invitation';
    } | null;
    code: {
      id: string;
      category_id: string;
      max_uses: number;
      expires_at: string | null;
      revoked_at: string | null;
    } | null;
    options: Array<{ id: string; capacity: number | null }> | null;
    duplicate: boolean;
    event_capacity: number | null;
    unlimited: number;
    total: number;
  }>(
    db,
    sql`select
      (select json_build_object('id', e.id, 'title', e.title, 'status', e.status) from events e where e.id = ${q.eventId}) as event,
      (select json_build_object('standard_fields', s.standard_fields, 'questions', s.questions)
         from registration_settings s where s.event_id = ${q.eventId}) as settings,
      (select json_build_object('id', c.id, 'capacity', c.capacity, 'requires_approval', c.requires_approval, 'opens_at', c.opens_at,
                                'closes_at', c.closes_at, 'fee_amount', c.fee_amount, 'visibility', c.visibility)
         from registration_categories c where c.id = ${q.categoryId} and c.event_id = ${q.eventId}) as category,
      (select json_build_object('id', i.id, 'category_id', i.category_id, 'max_uses', i.max_uses, 'expires_at', i.expires_at, 'revoked_at', i.revoked_at)
         from invitation_codes i where i.event_id = ${q.eventId} and i.code = ${q.code}) as code,
      (select json_agg(json_build_object('id', o.id, 'capacity', o.capacity))
         from registration_options o where o.event_id = ${q.eventId} and o.id = any(${optionIds})) as options,
      exists (select 1 from registrations r where r.event_id = ${q.eventId} and r.email = ${q.email}
                and r.status not in ('cancelled','rejected')) as duplicate,
      ${eventRuleColumns(q.eventId)}`,
  );
  if (!row) throw new Error('placement context returned nothing');
  const c = row.category;
  const k = row.code;
  return {
    event: row.event,
    standardFields: row.settings?.standard_fields ?? {},
    questions: row.settings?.questions ?? [],
    category: c
      ? {
          id: c.id,
          capacity: c.capacity,
          requiresApproval: c.requires_approval,
          opensAt: date(c.opens_at),
          closesAt: date(c.closes_at),
          feeAmount: c.fee_amount,
          visibility: c.visibility,
        }
      : null,
    code: k
      ? {
          id: k.id,
          categoryId: k.category_id,
          maxUses: k.max_uses,
          expiresAt: date(k.expires_at),
          revokedAt: date(k.revoked_at),
        }
      : null,
    options: row.options ?? [],
    duplicate: row.duplicate,
    rule: ruleOf(row),
  };
}
