import { ref } from 'vue';
import { defineStore } from 'pinia';
import { api, type ApiClient } from '../../api';

/** As the client receives them (dates as strings over the wire). */
type Conflict = Awaited<ReturnType<ApiClient['review']['conflicts']['query']>>[number];
type Proposal = Awaited<ReturnType<ApiClient['review']['proposeAssignment']['query']>>;

/** One event's conflicts and the automatic assignment's proposal (nothing written until accepted). */
export const useReviewStore = defineStore('review', () => {
  const conflicts = ref<Conflict[]>([]);
  const proposal = ref<Proposal | null>(null);

  async function loadConflicts(eventId: string) {
    conflicts.value = await api().review.conflicts.query({ eventId });
  }
  async function detect(eventId: string) {
    const run = await api().review.detectConflicts.mutate({ eventId });
    await loadConflicts(eventId);
    return run;
  }
  async function decide(eventId: string, conflictId: string, status: 'confirmed' | 'dismissed') {
    const row = await api().review.decideConflict.mutate({ eventId, conflictId, status });
    conflicts.value = conflicts.value.map((c) => (c.id === row.id ? row : c));
    proposal.value = null; // a decision changes who may review what
  }
  async function propose(eventId: string, reviewsPerSubmission: number) {
    proposal.value = await api().review.proposeAssignment.query({ eventId, reviewsPerSubmission });
  }
  async function accept(eventId: string) {
    if (!proposal.value) return { written: 0 };
    const pairs = proposal.value.pairs
      .filter((p) => !p.kept)
      .map(({ submissionId, userId }) => ({ submissionId, userId }));
    const result =
      pairs.length > 0 ? await api().review.acceptAssignment.mutate({ eventId, pairs }) : { written: 0 };
    proposal.value = null;
    return result;
  }
  return { conflicts, proposal, loadConflicts, detect, decide, propose, accept };
});
