import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { AgreementDto, AgreementSummaryDto, Clause, RedlineOutput } from '@plenary/contracts/schemas';
import { api, type ApiOutput, type ApiClient } from '../../api';

type Versions = ApiOutput<ApiClient['agreements']['versions']['query']>;
type Comments = ApiOutput<ApiClient['agreements']['comments']['query']>;
type Endorsements = ApiOutput<ApiClient['agreements']['endorsements']['query']>;
export type PartiesInput = Parameters<ApiClient['agreements']['setParties']['mutate']>[0]['parties'];
export type Transition = AgreementDto['transitions'][number];

/** An event's agreements, and the one open in the editor with its versions, comments and endorsements. */
export const useAgreementsStore = defineStore('agreements', () => {
  const list = ref<AgreementSummaryDto[]>([]);
  const current = ref<AgreementDto | null>(null);
  const versions = ref<Versions>([]);
  const clauses = ref<Clause[]>([]);
  const comments = ref<Comments>([]);
  const endorsements = ref<Endorsements>([]);
  const redline = ref<RedlineOutput | null>(null);

  async function load(eventId: string, filter: { kind?: 'mou' | 'declaration'; status?: AgreementDto['status'] } = {}) {
    list.value = await api().agreements.list.query({ eventId, ...filter });
  }

  async function create(input: Parameters<ApiClient['agreements']['create']['mutate']>[0]) {
    return api().agreements.create.mutate(input);
  }

  async function open(eventId: string, agreementId: string) {
    const a = api().agreements;
    const [agreement, vs, cs] = await Promise.all([
      a.get.query({ eventId, agreementId }),
      a.versions.query({ eventId, agreementId }),
      a.comments.query({ eventId, agreementId }),
    ]);
    current.value = agreement;
    versions.value = vs;
    comments.value = cs;
    clauses.value = vs[0] ? (await a.version.query({ eventId, agreementId, number: vs[0].number })).clauses : [];
    endorsements.value = agreement.kind === 'declaration' ? await a.endorsements.query({ eventId, agreementId }) : [];
    redline.value = null;
  }

  const ids = () => ({ eventId: current.value!.eventId, agreementId: current.value!.id });

  async function update(fields: Omit<Parameters<ApiClient['agreements']['update']['mutate']>[0], 'eventId' | 'agreementId'>) {
    current.value = await api().agreements.update.mutate({ ...ids(), ...fields });
  }

  async function saveText() {
    const saved = await api().agreements.saveText.mutate({
      ...ids(),
      baseVersion: versions.value[0]?.number ?? null,
      clauses: clauses.value,
    });
    versions.value = await api().agreements.versions.query(ids());
    current.value = await api().agreements.get.query(ids());
    return saved;
  }

  async function setParties(parties: PartiesInput) {
    current.value = await api().agreements.setParties.mutate({ ...ids(), parties });
  }

  async function transition(to: Transition, extra: { on?: string; adoptedAtSession?: string; adoptedAt?: string } = {}) {
    current.value = await api().agreements.transition.mutate({ ...ids(), to, ...extra });
  }

  async function setPublished(published: boolean) {
    current.value = await api().agreements.setPublished.mutate({ ...ids(), published });
  }

  async function compare(from: number, to: number) {
    redline.value = await api().agreements.redline.query({ ...ids(), from, to });
  }

  async function addComment(clauseKey: string, body: string) {
    const c = await api().agreements.addComment.mutate({ ...ids(), clauseKey, body });
    comments.value = [...comments.value, c];
  }

  async function addAction(title: string, ownerUserId: string, dueOn: string) {
    current.value = await api().agreements.addAction.mutate({ ...ids(), title, ownerUserId, dueOn });
  }

  async function setActionStatus(actionId: string, status: 'open' | 'done' | 'cancelled') {
    current.value = await api().agreements.updateAction.mutate({ ...ids(), actionId, status });
  }

  async function decide(endorsementId: string, decision: 'verified' | 'rejected') {
    await api().agreements.verifyEndorsement.mutate({ ...ids(), endorsementId, decision });
    endorsements.value = await api().agreements.endorsements.query(ids());
  }

  async function searchOrganisations(eventId: string, search: string) {
    return api().agreements.organisations.query({ eventId, search });
  }

  return {
    list,
    current,
    versions,
    clauses,
    comments,
    endorsements,
    redline,
    load,
    create,
    open,
    update,
    saveText,
    setParties,
    transition,
    setPublished,
    compare,
    addComment,
    addAction,
    setActionStatus,
    decide,
    searchOrganisations,
  };
});
