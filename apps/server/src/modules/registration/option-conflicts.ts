import {
  checkOptionChoice,
  DomainError,
  optionClashes,
  pickLocale,
  type OptionClash,
  type OptionSlot,
} from '@plenary/contracts';
import { and, eq, inArray, schema, type Executor } from '@plenary/db';

const { registrationOptions: o } = schema;

/** The times and groups of the options asked for (ids of other events are left out). */
async function optionSlots(db: Executor, eventId: string, ids: string[]) {
  if (ids.length < 2) return [];
  const rows = await db
    .select({
      id: o.id,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      exclusiveGroup: o.exclusiveGroup,
      label: o.label,
    })
    .from(o)
    .where(and(eq(o.eventId, eventId), inArray(o.id, ids)));
  return rows.map((r) => ({
    slot: {
      id: r.id,
      startsAt: r.startsAt?.toISOString() ?? null,
      endsAt: r.endsAt?.toISOString() ?? null,
      exclusiveGroup: r.exclusiveGroup,
    } satisfies OptionSlot,
    label: pickLocale(r.label, 'en') || r.id,
  }));
}

/** The first clash words the error (by key, in the person's language); the field lists them all. */
function refusal({ kind, a, b }: OptionClash, errors: Record<string, string[]>): DomainError {
  const params = { a, b };
  return new DomainError(
    'INVALID_INPUT',
    kind === 'time' ? { key: 'optionsAtTheSameTime', params } : { key: 'optionsAtMostOne', params },
    errors,
  );
}

/**
 * The error for each choice (by its index) whose options cannot be held together,
 * by the contracts' one rule; one query for the whole batch, none when nobody
 * chose two options.
 */
export async function optionConflictsOf(
  db: Executor,
  eventId: string,
  choices: string[][],
): Promise<Map<number, DomainError>> {
  const out = new Map<number, DomainError>();
  const asked = [...new Set(choices.filter((c) => c.length > 1).flat())];
  const slots = await optionSlots(db, eventId, asked);
  if (!slots.length) return out;
  const labels = new Map(slots.map((s) => [s.slot.id, s.label]));
  const all = slots.map((s) => s.slot);
  choices.forEach((ids, index) => {
    const label = (id: string) => labels.get(id);
    const [first] = optionClashes(all, ids, label);
    if (first) out.set(index, refusal(first, checkOptionChoice(all, ids, label)));
  });
  return out;
}

/** Refuses a set of options that cannot be held together (the self-service option change). */
export async function refuseConflictingOptions(
  db: Executor,
  eventId: string,
  optionIds: string[],
): Promise<void> {
  const conflict = (await optionConflictsOf(db, eventId, [optionIds])).get(0);
  if (conflict) throw conflict;
}
