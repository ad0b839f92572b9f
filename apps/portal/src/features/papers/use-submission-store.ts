import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo, type ApiErrorInfo } from '@plenary/ui';
import { portalApi, type PortalApi } from '../../api';

type Call = NonNullable<Awaited<ReturnType<PortalApi['cfp']['openCall']['query']>>>;
export type Submission = Awaited<ReturnType<PortalApi['mySubmissions']['get']['query']>>;
type Fields = Omit<Parameters<PortalApi['mySubmissions']['create']['mutate']>[0], 'eventId'>;
/** Null before the decisions are released (pending or none alike). */
export type MyDecision = Awaited<ReturnType<PortalApi['myDecisions']['get']['query']>>;
type Reviewer = Awaited<ReturnType<PortalApi['mySubmissions']['reviewers']['query']>>[number];

/** The author's form: the open call, the submission being written, and each action's error. */
export const useSubmissionStore = defineStore('paper-submission', () => {
  const call = ref<Call | null>(null);
  const submission = ref<Submission | null>(null);
  const reviewers = ref<Reviewer[]>([]);
  const decision = ref<MyDecision>(null);
  const busy = ref<string | null>(null);
  const error = ref<ApiErrorInfo | null>(null);

  async function run<T>(action: string, work: () => Promise<T>): Promise<T | null> {
    busy.value = action;
    error.value = null;
    try {
      return await work();
    } catch (err) {
      error.value = apiErrorInfo(err);
      return null;
    } finally {
      busy.value = null;
    }
  }

  async function loadCall(slug: string) {
    call.value = await portalApi().cfp.openCall.query({ slug });
    reviewers.value = call.value
      ? await portalApi().mySubmissions.reviewers.query({ eventId: call.value.eventId })
      : [];
  }
  async function loadSubmission(submissionId: string) {
    submission.value = await portalApi().mySubmissions.get.query({ submissionId });
  }
  /** The released decision: a draft or withdrawn paper has none to ask for. */
  async function loadDecision() {
    const s = submission.value;
    decision.value =
      s && s.status === 'submitted' ? await portalApi().myDecisions.get.query({ submissionId: s.id }) : null;
  }
  const refresh = async (id: string) => {
    await loadSubmission(id);
    return submission.value;
  };
  const save = (fields: Fields) =>
    run('save', async () => {
      const saved = submission.value
        ? await portalApi().mySubmissions.update.mutate({ submissionId: submission.value.id, ...fields })
        : await portalApi().mySubmissions.create.mutate({ eventId: call.value!.eventId, ...fields });
      return refresh(saved.id);
    });
  const upload = (filename: string, contentBase64: string) =>
    run('upload', async () => {
      const saved = await portalApi().mySubmissions.uploadPdf.mutate({
        submissionId: submission.value!.id,
        filename,
        contentBase64,
      });
      return refresh(saved.id);
    });
  const submit = (consents: Array<{ kind: 'publication' | 'presentation'; version: number }>) =>
    run('submit', async () => {
      const saved = await portalApi().mySubmissions.submit.mutate({
        submissionId: submission.value!.id,
        consents,
      });
      return refresh(saved.id);
    });
  const withdraw = () =>
    run('withdraw', async () => {
      const saved = await portalApi().mySubmissions.withdraw.mutate({ submissionId: submission.value!.id });
      return refresh(saved.id);
    });

  const uploadCameraReady = (filename: string, contentBase64: string) =>
    run('cameraReady', async () => {
      decision.value = await portalApi().myDecisions.uploadCameraReady.mutate({
        submissionId: submission.value!.id,
        filename,
        contentBase64,
      });
      return decision.value;
    });
  const confirmPresenter = () =>
    run('presenter', async () => {
      decision.value = await portalApi().myDecisions.confirmPresenter.mutate({
        submissionId: submission.value!.id,
      });
      return decision.value;
    });

  return {
    call,
    submission,
    reviewers,
    decision,
    busy,
    error,
    loadCall,
    loadSubmission,
    loadDecision,
    save,
    upload,
    submit,
    withdraw,
    uploadCameraReady,
    confirmPresenter,
  };
});
