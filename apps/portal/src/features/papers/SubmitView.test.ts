import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.vue';
import {
  fakePortalApi,
  tci2015,
  type FakeDecision,
  type FakeSubmission,
} from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { lan } from '../../testing/account-fixtures';
import { setPersonCsrfToken } from '../../lib/person-session';

const paperId = '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9c01';

/** Lan's submitted paper, after the deadline (no longer editable). */
const paper: FakeSubmission = {
  id: paperId,
  eventId: tci2015.id,
  status: 'submitted',
  trackId: null,
  typeId: null,
  title: { en: 'Cluster policy in Vietnam' },
  abstract: { en: 'How clusters grow.' },
  keywords: ['clusters'],
  authors: [
    {
      position: 1,
      personId: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f31',
      email: lan.email,
      givenName: 'Lan',
      familyName: 'Nguyen',
      affiliation: 'Ministry of Planning',
      organisationId: null,
      country: 'VN',
      orcid: null,
      presenting: true,
      confirmed: true,
    },
  ],
  reviewerConflicts: [],
  institutionConflicts: [],
  file: null,
  version: 3,
  submittedAt: '2026-10-01T00:00:00.000Z',
  withdrawnAt: null,
  updatedAt: '2026-10-01T00:00:00.000Z',
  editable: false,
  versions: [],
};

const acceptedOral: NonNullable<FakeDecision> = {
  kind: 'accept_oral',
  name: { en: 'Accepted as oral presentation', ko: '구두 발표 채택' },
  accepted: true,
  releasedAt: '2026-11-20T01:00:00.000Z',
  cameraReady: null,
  presenterConfirmedAt: null,
};

async function open(locale: 'ko' | 'en', decision: FakeDecision, submission: FakeSubmission = paper) {
  const api = fakePortalApi([tci2015], { person: lan, signedIn: true, submission, decision });
  const mounted = await mountPortal(App, { api, locale, path: `/submissions/${submission.id}` });
  // The page loads lazily: the first import in a test run is slow.
  await vi.waitFor(() => expect(mounted.wrapper.find('h1').exists()).toBe(true), { timeout: 10_000 });
  await flushPromises();
  return { api, ...mounted };
}

/** A file the input hands over, as a browser would. */
function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('SubmitView: the decision', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
    setPersonCsrfToken(null);
  });

  it('shows nothing of a decision before release', async () => {
    const { wrapper, api } = await open('en', null);
    expect(wrapper.get('h1').text()).toBe('Edit your submission');
    expect(wrapper.find('.decision').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Decision');
    expect(api.calls.map((c) => c.procedure)).toEqual(['mySubmissions.get', 'myDecisions.get']);
  });

  it('does not ask for the decision of a draft', async () => {
    const { wrapper, api } = await open('en', acceptedOral, { ...paper, status: 'draft', editable: true });
    expect(wrapper.find('.decision').exists()).toBe(false);
    expect(api.calls.map((c) => c.procedure)).toEqual(['mySubmissions.get']);
  });

  it('shows an accepted paper’s decision in Korean, with the camera-ready upload and the presenter’s confirmation', async () => {
    const { wrapper } = await open('ko', acceptedOral);
    const panel = wrapper.get('.decision');
    expect(panel.get('h2').text()).toBe('심사 결과');
    expect(panel.get('.decision__kind').text()).toBe('구두 발표 채택');
    expect(panel.get('.decision__kind').attributes('lang')).toBe('ko');
    expect(panel.text()).toContain('최종본 PDF 올리기');
    expect(panel.get('.decision__file').attributes('accept')).toBe('application/pdf');
    expect(panel.get('.decision__confirm').text()).toBe('발표자가 등록합니다');
  });

  it('uploads the camera-ready PDF and confirms the presenter', async () => {
    const { wrapper, api } = await open('en', acceptedOral);
    expect(wrapper.get('.decision__kind').text()).toBe('Accepted as oral presentation');
    expect(wrapper.find('.decision__camera-ready').exists()).toBe(false);

    const pdf = new File([new TextEncoder().encode('%PDF-1.7\n')], 'final.pdf', { type: 'application/pdf' });
    choose(wrapper.get('.decision__file').element as HTMLInputElement, pdf);
    await vi.waitFor(() => expect(wrapper.find('.decision__camera-ready').exists()).toBe(true));
    expect(wrapper.get('.decision__camera-ready').text()).toMatch(/^final\.pdf uploaded \(8 pages, .+\)$/);
    expect(wrapper.get('.decision [role="status"]').text()).toBe(
      'Camera-ready version uploaded: final.pdf (8 pages)',
    );
    const upload = api.calls.find((c) => c.procedure === 'myDecisions.uploadCameraReady');
    expect(upload?.input).toEqual({
      submissionId: paperId,
      filename: 'final.pdf',
      contentBase64: 'JVBERi0xLjcK',
    });

    await wrapper.get('.decision__confirm').trigger('click');
    await flushPromises();
    expect(api.calls.at(-1)).toMatchObject({
      procedure: 'myDecisions.confirmPresenter',
      input: { submissionId: paperId },
    });
    expect(wrapper.find('.decision__confirm').exists()).toBe(false);
    expect(wrapper.get('.decision__presenter').text()).toMatch(
      /^You confirmed the presenter will register \(.+\)$/,
    );
  });

  it('says why a file that is not a PDF is refused', async () => {
    const { wrapper } = await open('en', acceptedOral);
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    choose(wrapper.get('.decision__file').element as HTMLInputElement, text);
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.get('[role="alert"]').text()).toContain('This file is not a PDF');
    expect(wrapper.find('.decision__camera-ready').exists()).toBe(false);
  });

  it('shows a rejection without the camera-ready part', async () => {
    const { wrapper } = await open('en', {
      ...acceptedOral,
      kind: 'reject',
      name: { en: 'Not accepted', ko: '불채택' },
      accepted: false,
    });
    expect(wrapper.get('.decision__kind').text()).toBe('Not accepted');
    expect(wrapper.find('.decision__file').exists()).toBe(false);
    expect(wrapper.find('.decision__confirm').exists()).toBe(false);
  });
});
