export interface ChairLoad {
  chairId: string;
  /** Submissions the chair already handles; the least loaded non-conflicted chair replaces. */
  handling: number;
}

export type HandlingChairChoice =
  | { chairId: string; replaced: false }
  | { chairId: string; replaced: true; replacedChairId: string }
  | { chairId: null; replaced: boolean; reason: 'every_chair_conflicted' | 'no_chairs' };

/**
 * The programme chair who handles a submission (issue 11 §3): the one meant to, unless that
 * chair is conflicted with it; then the non-conflicted chair with the fewest submissions in
 * hand (ties: the order given). None left: null with the reason, for the caller to escalate.
 */
export function chooseHandlingChair(input: {
  intendedChairId: string | null;
  chairs: readonly ChairLoad[];
  conflictedChairIds: ReadonlySet<string> | readonly string[];
}): HandlingChairChoice {
  const conflicted =
    input.conflictedChairIds instanceof Set ? input.conflictedChairIds : new Set(input.conflictedChairIds);
  const intended = input.intendedChairId;
  if (intended !== null && !conflicted.has(intended) && input.chairs.some((c) => c.chairId === intended))
    return { chairId: intended, replaced: false };
  let best: ChairLoad | undefined;
  for (const c of input.chairs)
    if (!conflicted.has(c.chairId) && (!best || c.handling < best.handling)) best = c;
  const replaced = intended !== null;
  if (!best)
    return {
      chairId: null,
      replaced,
      reason: input.chairs.length === 0 ? 'no_chairs' : 'every_chair_conflicted',
    };
  return replaced
    ? { chairId: best.chairId, replaced: true, replacedChairId: intended }
    : { chairId: best.chairId, replaced: false };
}

/**
 * Handling chairs for many submissions at once (`handling` counts what each chair holds apart
 * from these), each choice counted in the next one's loads so that replacements spread over
 * the chairs rather than all landing on one.
 */
export function chooseHandlingChairs(
  submissions: readonly {
    submissionId: string;
    intendedChairId: string | null;
    conflictedChairIds: readonly string[];
  }[],
  chairs: readonly ChairLoad[],
): Map<string, HandlingChairChoice> {
  const loads = chairs.map((c) => ({ ...c }));
  const byId = new Map(loads.map((c) => [c.chairId, c]));
  const out = new Map<string, HandlingChairChoice>();
  for (const s of submissions) {
    const choice = chooseHandlingChair({
      intendedChairId: s.intendedChairId,
      chairs: loads,
      conflictedChairIds: s.conflictedChairIds,
    });
    if (choice.chairId !== null) {
      byId.get(choice.chairId)!.handling += 1;
    }
    out.set(s.submissionId, choice);
  }
  return out;
}
