import { message } from '../../messages';

/** What the rule needs of an option: its times (absolute instants) and its "at most one of" group. */
export interface OptionSlot {
  id: string;
  startsAt: string | null;
  endsAt: string | null;
  exclusiveGroup: string | null;
}

const instant = (v: string | null) => (v === null ? null : Date.parse(v));

/**
 * Whether two options can be held by one person: not when their times overlap
 * (one ends after the other starts; touching end to start is fine), and not when
 * staff put both in the same "at most one of" group. An option without a start
 * time overlaps nothing; one without an end is taken as its start instant.
 */
function clash(a: OptionSlot, b: OptionSlot): 'time' | 'group' | null {
  if (a.exclusiveGroup && a.exclusiveGroup === b.exclusiveGroup) return 'group';
  const as = instant(a.startsAt);
  const bs = instant(b.startsAt);
  if (as === null || bs === null) return null;
  const ae = instant(a.endsAt) ?? as;
  const be = instant(b.endsAt) ?? bs;
  if (as === bs || (as < be && bs < ae)) return 'time';
  return null;
}

/** A pair of chosen options that cannot be held together, named by label (or id), earlier first. */
export interface OptionClash {
  kind: 'time' | 'group';
  a: string;
  b: string;
}

/**
 * The one rule for options held together, booked or waiting: the portal form,
 * placement and the self-service option change all call it (through
 * checkOptionChoice, or here for the pairs themselves).
 */
export function optionClashes(
  options: OptionSlot[],
  chosenIds: string[],
  label: (id: string) => string | undefined = () => undefined,
): OptionClash[] {
  const byId = new Map(options.map((o) => [o.id, o]));
  const chosen = [...new Set(chosenIds)]
    .map((id) => byId.get(id))
    .filter((o): o is OptionSlot => o !== undefined)
    .sort((a, b) => (instant(a.startsAt) ?? Infinity) - (instant(b.startsAt) ?? Infinity));
  const clashes: OptionClash[] = [];
  for (let i = 0; i < chosen.length; i++) {
    for (let j = i + 1; j < chosen.length; j++) {
      const a = chosen[i]!;
      const b = chosen[j]!;
      const kind = clash(a, b);
      if (kind) clashes.push({ kind, a: label(a.id) ?? a.id, b: label(b.id) ?? b.id });
    }
  }
  return clashes;
}

/**
 * Field errors under `optionIds` (empty when the choice is fine), naming each
 * clashing pair in the current validation locale, earlier option first.
 */
export function checkOptionChoice(
  options: OptionSlot[],
  chosenIds: string[],
  label: (id: string) => string | undefined = () => undefined,
): Record<string, string[]> {
  const errors = optionClashes(options, chosenIds, label).map(({ kind, a, b }) =>
    message(kind === 'time' ? 'optionsOverlap' : 'optionsExclusive', { a, b }),
  );
  return errors.length ? { optionIds: errors } : {};
}
