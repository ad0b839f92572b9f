import { ref } from 'vue';
import { defineStore } from 'pinia';
import { api, type ApiClient } from '../../api';

type Kind = Awaited<ReturnType<ApiClient['decisions']['kinds']['query']>>[number];
type List = Awaited<ReturnType<ApiClient['decisions']['list']['query']>>;
type Presenter = Awaited<ReturnType<ApiClient['decisions']['presenters']['query']>>[number];
export type DecisionMail = Awaited<
  ReturnType<ApiClient['decisions']['previewMail']['query']>
>['mails'][number];
type KindInput = Omit<Parameters<ApiClient['decisions']['saveKind']['mutate']>[0], 'eventId'>;

/** One event's decisions: the kinds, every submitted paper with its decision, and the presenters. */
export const useDecisionsStore = defineStore('paper-decisions', () => {
  const kinds = ref<Kind[]>([]);
  const list = ref<List>({ rows: [], pending: 0, released: 0, pendingMails: 0 });
  const presenters = ref<Presenter[]>([]);

  async function load(eventId: string) {
    const [k, l, p] = await Promise.all([
      api().decisions.kinds.query({ eventId }),
      api().decisions.list.query({ eventId }),
      api().decisions.presenters.query({ eventId }),
    ]);
    kinds.value = k;
    list.value = l;
    presenters.value = p;
  }
  async function record(eventId: string, submissionIds: string[], kind: string) {
    const done = await api().decisions.record.mutate({ eventId, submissionIds, kind });
    list.value = await api().decisions.list.query({ eventId });
    return done;
  }
  async function saveKind(eventId: string, input: KindInput) {
    const saved = await api().decisions.saveKind.mutate({ eventId, ...input });
    kinds.value = await api().decisions.kinds.query({ eventId });
    return saved;
  }
  async function previewMail(eventId: string, submissionId: string) {
    return (await api().decisions.previewMail.query({ eventId, submissionId })).mails;
  }
  async function release(eventId: string) {
    const done = await api().decisions.release.mutate({ eventId });
    await load(eventId);
    return done;
  }

  return { kinds, list, presenters, load, record, saveKind, previewMail, release };
});
