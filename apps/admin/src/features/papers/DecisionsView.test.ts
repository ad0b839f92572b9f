import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import { setApi } from '../../api';
import { createAdminI18n } from '../../i18n';
import { fakeApi, type FakeHandlers, type OutputOf } from '../../testing/fake-api';
import DecisionsView from './DecisionsView.vue';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const ids = ['0190f5d2-7c1e-7000-8000-0000000000a1', '0190f5d2-7c1e-7000-8000-0000000000a2'] as const;
const released = '0190f5d2-7c1e-7000-8000-0000000000a3';

const kinds: OutputOf<'decisions.kinds'> = [
  {
    code: 'accept_oral',
    name: { en: 'Accepted as oral presentation', ko: '구두 발표 채택' },
    accepted: true,
    builtIn: true,
  },
  {
    code: 'accept_poster',
    name: { en: 'Accepted as poster', ko: '포스터 발표 채택' },
    accepted: true,
    builtIn: true,
  },
  { code: 'reject', name: { en: 'Not accepted', ko: '불채택' }, accepted: false, builtIn: true },
];
const row = (
  submissionId: string,
  title: string,
  decision: OutputOf<'decisions.list'>['rows'][number]['decision'],
) => ({
  submissionId,
  title: { en: title },
  status: 'submitted',
  trackId: null,
  typeId: null,
  decision,
});
const pending = (kind: string) => ({
  kind,
  state: 'pending' as const,
  recordedAt: '2026-11-01T00:00:00.000Z',
  releasedAt: null,
});

/** Two papers (one pending as a poster, one undecided) and one released earlier. */
function listOf(overrides: Partial<Record<string, string>> = {}): OutputOf<'decisions.list'> {
  const second = overrides[ids[1]];
  const rows = [
    row(ids[0], 'Clusters after the crisis', pending(overrides[ids[0]] ?? 'accept_poster')),
    row(ids[1], 'Smart specialisation', second ? pending(second) : null),
    row(released, 'Regional innovation', {
      kind: 'accept_oral',
      state: 'released',
      recordedAt: '2026-10-01T00:00:00.000Z',
      releasedAt: '2026-10-02T00:00:00.000Z',
    }),
  ];
  const pendingRows = rows.filter((r) => r.decision?.state === 'pending').length;
  return { rows, pending: pendingRows, released: 1, pendingMails: pendingRows * 2 };
}

async function mountView(handlers: FakeHandlers = {}, locale: 'en' | 'ko' = 'en') {
  const decided: Record<string, string> = {};
  const fake = fakeApi({
    'decisions.kinds': () => kinds,
    'decisions.list': () => listOf(decided),
    'decisions.presenters': () => [
      {
        submissionId: released,
        title: { en: 'Regional innovation' },
        kind: 'accept_oral',
        presenter: { givenName: 'Minji', familyName: 'Park', email: 'minji@knu.example' },
        cameraReady: true,
        presenterConfirmedAt: '2026-10-05T00:00:00.000Z',
        registration: { reference: 'TCI-1042', status: 'confirmed' },
      },
    ],
    'decisions.record': (input) => {
      for (const id of input.submissionIds) decided[id] = input.kind;
      return { recorded: input.submissionIds.length };
    },
    ...handlers,
  });
  setApi(fake.client);
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/events/:eventId/papers/decisions', component: DecisionsView }],
  });
  await router.push(`/events/${eventId}/papers/decisions`);
  const wrapper = mount(DecisionsView, {
    global: { plugins: [pinia, router, createAdminI18n(locale), PrimeVue, ToastService] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, fake };
}

const rowsOf = (wrapper: Awaited<ReturnType<typeof mountView>>['wrapper']) =>
  wrapper.findAll('.decisions-table tbody tr');
const button = (text: string) =>
  [...document.body.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the decisions page', () => {
  it('lists every submitted paper with its decision: a select while pending, the kind once released', async () => {
    const { wrapper } = await mountView();
    expect(wrapper.get('.count').text()).toBe('1 pending · 1 released');
    const rows = rowsOf(wrapper);
    expect(rows).toHaveLength(3);
    expect((rows[0]!.get('select.row-kind').element as HTMLSelectElement).value).toBe('accept_poster');
    expect(rows[0]!.get('.row-state').text()).toBe('Pending release');
    expect((rows[1]!.get('select.row-kind').element as HTMLSelectElement).value).toBe('');
    expect(rows[1]!.find('.row-state').exists()).toBe(false);
    expect(rows[2]!.find('select').exists()).toBe(false);
    expect(rows[2]!.get('.row-kind').text()).toBe('Accepted as oral presentation');
    expect(rows[2]!.get('.row-select').attributes('disabled')).toBeDefined();
    expect(wrapper.get('.presenters').text()).toContain('Minji Park');
    expect(wrapper.get('.presenter-registration').text()).toBe('TCI-1042 · confirmed');
  });

  it('records one row’s decision from its select', async () => {
    const { wrapper, fake } = await mountView();
    await rowsOf(wrapper)[1]!.get('select.row-kind').setValue('reject');
    await flushPromises();
    expect(fake.calls.find((c) => c.path === 'decisions.record')?.input).toEqual({
      eventId,
      submissionIds: [ids[1]],
      kind: 'reject',
    });
    expect(rowsOf(wrapper)[1]!.get('.row-state').text()).toBe('Pending release');
    expect(wrapper.get('.count').text()).toBe('2 pending · 1 released');
  });

  it('records the same decision for the selected rows at once', async () => {
    const { wrapper, fake } = await mountView();
    const record = () => wrapper.get('.bulk__record');
    expect(record().attributes('disabled')).toBeDefined();
    for (const r of rowsOf(wrapper).slice(0, 2)) await r.get('.row-select').setValue(true);
    await wrapper.get('.bulk__kind').setValue('accept_oral');
    expect(record().text()).toBe('Record for 2 selected');
    await record().trigger('click');
    await flushPromises();
    expect(fake.calls.filter((c) => c.path === 'decisions.record').map((c) => c.input)).toEqual([
      { eventId, submissionIds: [ids[0], ids[1]], kind: 'accept_oral' },
    ]);
    expect(record().text()).toBe('Record for 0 selected');
  });

  it('adds a custom kind', async () => {
    const custom = {
      code: 'accept_short',
      name: { ko: '짧은 발표 채택', en: 'Accepted as short talk' },
      accepted: true,
      builtIn: false,
    };
    let saved = false;
    const { wrapper, fake } = await mountView({
      'decisions.saveKind': () => ((saved = true), custom),
      'decisions.kinds': () => (saved ? [...kinds, custom] : kinds),
    });
    await wrapper.get('.kind-code').setValue('accept_short');
    await wrapper.get('.kind-ko').setValue('짧은 발표 채택');
    await wrapper.get('.kind-en').setValue('Accepted as short talk');
    await wrapper.get('.kind-accepted input').setValue(true);
    await wrapper.get('.kind-form').trigger('submit');
    await flushPromises();
    expect(fake.calls.find((c) => c.path === 'decisions.saveKind')?.input).toEqual({
      eventId,
      ...custom,
      builtIn: undefined,
    });
    expect(wrapper.get('.kind-list').text()).toContain('Accepted as short talk');
    expect(
      rowsOf(wrapper)[1]!
        .findAll('select.row-kind option')
        .map((o) => o.text()),
    ).toContain('Accepted as short talk');
  });

  it('previews the notices of one paper', async () => {
    const { wrapper, fake } = await mountView({
      'decisions.previewMail': () => ({
        mails: [
          {
            to: 'alice@keimyung.example',
            locale: 'ko',
            template: 'papers.decisionAccepted',
            subject: '[TCI 2026] 논문이 채택되었습니다',
            text: '앨리스 님, 축하합니다.',
            html: '<p>축하합니다</p>',
          },
        ],
      }),
    });
    await rowsOf(wrapper)[0]!.get('.row-preview').trigger('click');
    await flushPromises();
    expect(fake.calls.find((c) => c.path === 'decisions.previewMail')?.input).toEqual({
      eventId,
      submissionId: ids[0],
    });
    expect(document.body.querySelector('.preview-to')?.textContent).toBe('To: alice@keimyung.example (ko)');
    expect(document.body.querySelector('.preview-subject')?.textContent).toBe(
      '[TCI 2026] 논문이 채택되었습니다',
    );
  });

  it('releases only after a confirmation that says how many decisions and mails go out', async () => {
    let releasedNow = false;
    const { wrapper, fake } = await mountView({
      'decisions.release': () => ((releasedNow = true), { released: 1, accepted: 1, mails: 2 }),
      'decisions.list': () => {
        const list = listOf();
        if (!releasedNow) return list;
        return {
          rows: list.rows.map((r) =>
            r.decision ? { ...r, decision: { ...r.decision, state: 'released' as const } } : r,
          ),
          pending: 0,
          released: 2,
          pendingMails: 0,
        };
      },
    });
    await wrapper.get('.release').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('.release-text')?.textContent?.trim()).toBe(
      'This releases 1 decisions together and sends 2 notification mails. Released decisions cannot be changed.',
    );
    expect(fake.calls.some((c) => c.path === 'decisions.release')).toBe(false);
    // Cancel sends nothing.
    button('Cancel')!.click();
    await flushPromises();
    expect(fake.calls.some((c) => c.path === 'decisions.release')).toBe(false);

    await wrapper.get('.release').trigger('click');
    await flushPromises();
    button('Release and send')!.click();
    await flushPromises();
    expect(fake.calls.filter((c) => c.path === 'decisions.release').map((c) => c.input)).toEqual([
      { eventId },
    ]);
    expect(wrapper.get('.count').text()).toBe('0 pending · 2 released');
    expect(wrapper.get('.release').attributes('disabled')).toBeDefined();
  });

  it('speaks Korean', async () => {
    const { wrapper } = await mountView({}, 'ko');
    expect(wrapper.get('h1').text()).toBe('심사 결과');
    expect(wrapper.get('.count').text()).toBe('대기 1건 · 발표됨 1건');
    expect(rowsOf(wrapper)[2]!.get('.row-kind').text()).toBe('구두 발표 채택');
  });
});
