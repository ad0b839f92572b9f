/**
 * A registration's answers in the order of the form's questions. The answers come
 * from a jsonb column, which keeps keys shortest first, not in the order given: a
 * conditional question (paper_title) then showed before the one that opens it
 * (presenting_paper). Answers to questions since removed follow, in their own order.
 */
export function answersInFormOrder<V>(
  answers: Record<string, V>,
  questions: ReadonlyArray<{ id: string }>,
): Array<[string, V]> {
  const position = new Map(questions.map((q, i) => [q.id, i]));
  return Object.entries(answers).sort(
    ([a], [b]) => (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER),
  );
}
