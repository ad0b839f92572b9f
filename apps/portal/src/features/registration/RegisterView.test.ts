import { flushPromises, type DOMWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setValidationLocale } from '@plenary/contracts/schemas';
import App from '../../App.vue';
import { apiError, fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { ids, tciForm } from '../../testing/registration-fixtures';

/** The text of the error shown inside the field wrapper named by its input path. */
/** The page's content, as `wrapper.get('#main')` gives it. */
type Page = Pick<DOMWrapper<Element>, 'find' | 'get'>;

function errorOf(wrapper: Page, path: string): string | undefined {
  const field = wrapper.find(`[data-field="${path}"]`);
  if (!field.exists()) throw new Error(`no field ${path}`);
  const error = field.find('.field__error');
  return error.exists() ? error.text() : undefined;
}

async function fillIn(wrapper: Page, category: string) {
  await wrapper.get(`input[name="categoryId"][value="${category}"]`).setValue(true);
  await wrapper.get('[data-field="participant.givenName"] input').setValue('Priya');
  await wrapper.get('[data-field="participant.familyName"] input').setValue('Sharma');
  await wrapper.get('[data-field="participant.email"] input').setValue('Priya.Sharma@example.in');
  await wrapper.get('[data-field="participant.organisation"] input').setValue('Pune Cluster Alliance');
  const country = wrapper.get('[data-field="participant.country"] input');
  await country.setValue('India');
  await wrapper.get('[data-field="participant.country"] [role="option"]').trigger('mousedown');
  await wrapper.get('[data-field="answers.attends_b2b"] input[value="no"]').setValue(true);
  await wrapper.get('[data-field="consents.privacy"] input').setValue(true);
}

describe('RegisterView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    setValidationLocale('en');
  });

  it('shows every problem in Korean next to its field, and sends nothing', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/events/tci-2015/register' });
    expect(wrapper.get('h1').text()).toBe('참가 등록');
    await wrapper.get('[data-field="participant.email"] input').setValue('not-an-address');
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('.form-summary').text()).toBe('표시된 항목을 확인해 주세요.');
    expect(errorOf(wrapper.get('#main'), 'categoryId')).toBe('참가 유형을 고르세요');
    expect(errorOf(wrapper.get('#main'), 'participant.givenName')).toBe('필수 항목입니다');
    expect(errorOf(wrapper.get('#main'), 'participant.email')).toBe('올바른 이메일 주소를 입력하세요');
    expect(errorOf(wrapper.get('#main'), 'participant.country')).toBe('국가를 고르세요');
    expect(errorOf(wrapper.get('#main'), 'answers.attends_b2b')).toBe('필수 항목입니다');
    expect(errorOf(wrapper.get('#main'), 'consents.privacy')).toBe('등록하려면 동의해야 합니다');
    // The photography consent is optional: no error.
    expect(errorOf(wrapper.get('#main'), 'consents.photography')).toBeUndefined();
    expect(wrapper.get('[data-field="participant.givenName"] input').attributes('aria-invalid')).toBe('true');
    // Focus goes to the first thing to fix.
    expect(document.activeElement?.getAttribute('name')).toBe('categoryId');
    expect(api.calls.map((c) => c.procedure)).toEqual(['portalRegistration.form']);
  });

  it('words the browser’s messages again when the language changes', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/events/tci-2015/register' });
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();
    expect(errorOf(wrapper.get('#main'), 'participant.familyName')).toBe('필수 항목입니다');
    await wrapper.get('.lang-switch button[lang="en"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Registration');
    expect(errorOf(wrapper.get('#main'), 'participant.familyName')).toBe('Required');
    expect(errorOf(wrapper.get('#main'), 'categoryId')).toBe('Choose a registration type');
  });

  it('shows a question only when the answer it depends on is given, and requires it then', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/events/tci-2015/register' });
    expect(wrapper.find('[data-field="answers.company_sector"]').exists()).toBe(false);
    await wrapper.get('[data-field="answers.attends_b2b"] input[value="yes"]').setValue(true);
    const sector = wrapper.get('[data-field="answers.company_sector"]');
    expect(sector.get('label').text()).toBe('Your company’s sector*');
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();
    expect(errorOf(wrapper.get('#main'), 'answers.company_sector')).toBe('Required');
  });

  it('sends the form as the contract wants it and shows the waiting-list place on the done page', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper, router } = await mountPortal(App, {
      api,
      locale: 'en',
      path: '/events/tci-2015/register',
    });
    const student = wrapper.get(`input[value="${ids.student}"]`).element.closest('label');
    expect(student?.textContent).toContain('Full — you will join the waiting list');
    expect(student?.textContent).toContain('Needs the organisers’ approval');
    expect(wrapper.get(`input[value="${ids.general}"]`).element.closest('label')?.textContent).toContain(
      '₩300,000',
    );

    await fillIn(wrapper.get('#main'), ids.student);
    expect(wrapper.get('.register__waitlist').text()).toContain('The registration type you chose is full.');
    await wrapper.get(`[data-field="optionIds"] input[value="${ids.clusterTour}"]`).setValue(true);
    expect(wrapper.get('[data-field="optionIds"]').text()).toContain('Waiting list');
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();

    const sent = api.calls.find((c) => c.procedure === 'portalRegistration.register');
    expect(sent?.input).toEqual({
      eventId: tci2015.id,
      categoryId: ids.student,
      invitationCode: null,
      participant: {
        givenName: 'Priya',
        familyName: 'Sharma',
        localName: null,
        email: 'priya.sharma@example.in',
        organisation: 'Pune Cluster Alliance',
        jobTitle: null,
        country: 'IN',
        phone: null,
        dietary: null,
        accessibility: null,
      },
      optionIds: [ids.clusterTour],
      answers: { attends_b2b: 'no' },
      locale: 'en',
      consents: [{ kind: 'privacy', version: 2 }],
    });
    // The done page is its own chunk: wait for it to load.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/events/tci-2015/registered'));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Your registration has been received');
    expect(wrapper.get('.done__email').text()).toContain('Check your email to confirm your address');
    expect(wrapper.get('.done__reference').text()).toBe('TCI-0042');
    expect(wrapper.get('.done__position').text()).toBe('4');
    expect(wrapper.get('.done__options').text()).toBe('Cluster tour — Waiting-list position: 2');
  });

  it('does not call a place confirmed on the done page before the email address is confirmed', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper, router } = await mountPortal(App, { api, locale: 'ko', path: '/events/tci-2015/register' });
    await fillIn(wrapper.get('#main'), ids.general);
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/events/tci-2015/registered'));
    await flushPromises();
    const facts = wrapper.get('.done__facts').text();
    expect(facts).not.toContain('등록 확정');
    expect(facts).toContain('이메일 확인 대기');
    // The word the mail and the ticket use (docs/glossary.md).
    expect(facts).toContain('등록 번호');
  });

  it('puts the server’s field errors next to the same fields', async () => {
    const api = fakePortalApi([tci2015], {
      register: () => {
        throw apiError('INVALID_INPUT', 'Invalid input', {
          'participant.email': ['This email address is already registered for the event'],
          _: ['Something about the whole request'],
        });
      },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/events/tci-2015/register' });
    await fillIn(wrapper.get('#main'), ids.general);
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();
    expect(errorOf(wrapper.get('#main'), 'participant.email')).toBe(
      'This email address is already registered for the event',
    );
    expect(wrapper.get('.form-summary').text()).toBe(
      'Please check the fields marked below.Something about the whole request',
    );
  });

  it('unlocks and chooses a hidden category with an invitation code, and sends the code', async () => {
    const api = fakePortalApi([tci2015]);
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/events/tci-2015/register' });
    await wrapper.get('.code__toggle').trigger('click');
    await wrapper.get('[data-field="invitationCode"] input').setValue('old2014');
    await wrapper.get('[data-field="invitationCode"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-field="invitationCode"] [role="status"]').text()).toBe(
      'This invitation code has expired. Ask the organiser for a new one.',
    );
    expect(wrapper.find(`input[value="${ids.speaker}"]`).exists()).toBe(false);

    await wrapper.get('[data-field="invitationCode"] input').setValue('speaker15');
    await wrapper.get('[data-field="invitationCode"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-field="invitationCode"] [role="status"]').text()).toBe(
      'Your invitation code has been applied.',
    );
    const speaker = wrapper.get<HTMLInputElement>(`input[value="${ids.speaker}"]`);
    expect(speaker.element.checked).toBe(true);
    expect(speaker.element.closest('label')?.textContent).toContain('Unlocked by your code');

    await fillIn(wrapper.get('#main'), ids.speaker);
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();
    const sent = api.calls.find((c) => c.procedure === 'portalRegistration.register')?.input as {
      invitationCode: string;
    };
    expect(sent.invitationCode).toBe('SPEAKER15');
  });

  it('says so when registration is closed, with no form', async () => {
    const api = fakePortalApi([tci2015], {
      form: { ...(await import('../../testing/registration-fixtures')).tciForm, open: false },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: '/events/tci-2015/register' });
    expect(wrapper.get('.notice__title').text()).toBe('지금은 등록을 받지 않습니다');
    expect(wrapper.find('form.register__form').exists()).toBe(false);
  });

  it('takes a 3 MB phone photo under the 10 MB default, and keeps a question’s own smaller limit', async () => {
    const question = (id: string, maxMegabytes?: number) => ({
      id,
      type: 'file' as const,
      label: { en: id },
      help: {},
      required: false,
      choices: [],
      showIf: null,
      ...(maxMegabytes ? { maxMegabytes } : {}),
    });
    const api = fakePortalApi([tci2015], {
      form: { ...tciForm, questions: [...tciForm.questions, question('passport_scan'), question('photo', 1)] },
    });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/events/tci-2015/register' });
    const field = (id: string) => wrapper.get(`[data-field="answers.${id}"]`);
    expect(field('passport_scan').get('.field__hint:not([id])').text()).toBe('A PDF, JPEG or PNG file of at most 10 MB');
    expect(field('photo').get('.field__hint:not([id])').text()).toBe('A PDF, JPEG or PNG file of at most 1 MB');
    const choose = async (id: string, file: File) => {
      const input = field(id).get<HTMLInputElement>('input[type="file"]');
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
      await input.trigger('change');
      await vi.waitFor(() => expect(field(id).get('[role="status"]').text()).not.toBe('Sending the file…'));
      await flushPromises();
    };
    const photo = new File([new Uint8Array(3 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
    await choose('passport_scan', photo);
    expect(field('passport_scan').get('[role="status"]').text()).toBe('File received: scan.pdf');
    await choose('photo', new File([new Uint8Array(2 * 1024 * 1024)], 'me.pdf', { type: 'application/pdf' }));
    expect(field('photo').get('.field__error').text()).toBe('The file is too large. Please make it 1 MB or smaller.');
    // Refused before sending: only the 3 MB file went to the server.
    expect(api.calls.filter((c) => c.procedure === 'files.uploadAnswer').map((c) => (c.input as { size: number }).size)).toEqual([
      3 * 1024 * 1024,
    ]);
  });

  it('sends a file question’s file first and answers with the returned id', async () => {
    const withFile = {
      ...tciForm,
      questions: [
        ...tciForm.questions,
        {
          id: 'student_card',
          type: 'file' as const,
          label: { en: 'Your student card' },
          help: {},
          required: true,
          choices: [],
          showIf: null,
        },
      ],
    };
    const api = fakePortalApi([tci2015], { form: withFile });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: '/events/tci-2015/register' });
    const input = wrapper.get<HTMLInputElement>('[data-field="answers.student_card"] input[type="file"]');
    const choose = async (file: File) => {
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
      await input.trigger('change');
      await vi.waitFor(() =>
        expect(wrapper.get('[data-field="answers.student_card"] [role="status"]').text()).not.toBe(
          'Sending the file…',
        ),
      );
      await flushPromises();
    };
    await choose(new File(['GIF89a'], 'card.gif', { type: 'image/gif' }));
    expect(errorOf(wrapper.get('#main'), 'answers.student_card')).toBe(
      'Only whole PDF, JPEG or PNG files can be accepted: this one is of another type or damaged.',
    );

    await choose(new File(['%PDF-1.7 card'], 'card.pdf', { type: 'application/pdf' }));
    expect(wrapper.get('[data-field="answers.student_card"] [role="status"]').text()).toBe(
      'File received: card.pdf',
    );
    await fillIn(wrapper.get('#main'), ids.general);
    await wrapper.get('form.register__form').trigger('submit');
    await flushPromises();
    const upload = api.calls.filter((c) => c.procedure === 'files.uploadAnswer').at(-1);
    expect(upload?.input).toEqual({
      eventId: tci2015.id,
      questionId: 'student_card',
      filename: 'card.pdf',
      size: 13,
    });
    const sent = api.calls.find((c) => c.procedure === 'portalRegistration.register')?.input as {
      answers: object;
    };
    expect(sent.answers).toEqual({ attends_b2b: 'no', student_card: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9f21' });
  });
});
