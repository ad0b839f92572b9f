import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { FakePerson } from '../../testing/fake-portal-api';
import type { MyB2bMeetingDto } from '@plenary/contracts/schemas';
import App from '../../App.vue';
import { fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import { lan } from '../../testing/account-fixtures';
import { setPersonCsrfToken } from '../../lib/person-session';

// A company contact's B2B meetings on the portal (issue 14): the card on My
// conference and the meeting page, in Korean and English, against the fake API
// that answers like the server (a meeting not among the person's is missing).
const meeting: MyB2bMeetingDto = {
  id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9b01',
  eventId: tci2015.id,
  side: 'seller',
  startsAt: '2015-11-04T01:30:00.000Z',
  endsAt: '2015-11-04T02:00:00.000Z',
  timeZone: 'Asia/Seoul',
  localDate: '2015-11-04',
  localStart: '10:30',
  localEnd: '11:00',
  tableName: 'A2',
  counterpart: { name: { en: 'Hanoi Motors' }, country: 'VN' },
  interpreterLanguages: ['vi', 'ko'],
  status: 'published',
};
const contact: FakePerson = {
  ...lan,
  conference: [
    {
      event: lan.conference[0]!.event,
      sections: [
        {
          kind: 'b2b',
          meetings: [
            { id: meeting.id, localStart: '10:30', tableName: 'A2', counterpart: { en: 'Hanoi Motors' }, status: 'published' },
          ],
        },
      ],
    },
  ],
};

afterEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  setPersonCsrfToken(null);
});

describe('the B2B card on My conference', () => {
  it('lists the meetings with time, company, table and status, and opens one', async () => {
    const api = fakePortalApi([tci2015], { person: contact, signedIn: true, b2bMeetings: [meeting] });
    const { wrapper, router } = await mountPortal(App, { api, locale: 'en', path: `/me/${tci2015.id}` });
    await vi.waitFor(() => expect(wrapper.find('.b2b-card').exists()).toBe(true));
    expect(wrapper.get('.b2b-card h2').text()).toBe('B2B meetings at the export fair');
    expect(wrapper.get('.b2b-card li').text()).toBe('10:30Hanoi MotorsTable A2ConfirmedDetails');
    await wrapper.get('.b2b-card li a').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('.b2b-meeting__counterpart').exists()).toBe(true), {
      timeout: 10_000,
    });
    expect(router.currentRoute.value.fullPath).toBe(`/b2b/meetings/${meeting.id}`);
  });

  it('speaks Korean', async () => {
    const api = fakePortalApi([tci2015], { person: contact, signedIn: true, b2bMeetings: [meeting] });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: `/me/${tci2015.id}` });
    await vi.waitFor(() => expect(wrapper.find('.b2b-card').exists()).toBe(true));
    expect(wrapper.get('.b2b-card h2').text()).toBe('수출상담회 상담 일정');
    expect(wrapper.get('.b2b-card li').text()).toBe('10:30Hanoi Motors테이블 A2확정상세 보기');
  });
});

describe('the B2B meeting page', () => {
  it("shows the meeting in the event's time zone, the counterpart's country and the interpreter's languages", async () => {
    const api = fakePortalApi([tci2015], { person: contact, signedIn: true, b2bMeetings: [meeting] });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: `/b2b/meetings/${meeting.id}` });
    await vi.waitFor(() => expect(wrapper.find('.b2b-meeting__counterpart').exists()).toBe(true), {
      timeout: 10_000,
    });
    expect(wrapper.get('h1').text()).toBe('B2B meeting');
    expect(wrapper.get('.b2b-meeting__counterpart').text()).toBe('Hanoi Motors');
    expect(wrapper.get('.b2b-meeting__when').text()).toBe(
      'Wednesday, November 4, 2015 10:30–11:00 Time zone: Asia/Seoul',
    );
    expect(wrapper.get('.b2b-meeting__table').text()).toBe('A2');
    expect(wrapper.get('.b2b-meeting__country').text()).toBe('Vietnam');
    expect(wrapper.get('.b2b-meeting__interpreter').text()).toBe('Vietnamese ↔ Korean');
    expect(wrapper.get('.b2b-meeting__status').text()).toBe('Confirmed');
    expect(api.calls.map((c) => c.procedure)).toContain('myB2b.meeting');
  });

  it('in Korean, and with no interpreter where the two share a language', async () => {
    const shared = { ...meeting, interpreterLanguages: null, status: 'held' as const };
    const api = fakePortalApi([tci2015], { person: contact, signedIn: true, b2bMeetings: [shared] });
    const { wrapper } = await mountPortal(App, { api, locale: 'ko', path: `/b2b/meetings/${meeting.id}` });
    await vi.waitFor(() => expect(wrapper.find('.b2b-meeting__counterpart').exists()).toBe(true), {
      timeout: 10_000,
    });
    expect(wrapper.get('h1').text()).toBe('수출상담');
    expect(wrapper.get('.b2b-meeting__when').text()).toBe('2015년 11월 4일 수요일 10:30–11:00 시간대: Asia/Seoul');
    expect(wrapper.get('.b2b-meeting__country').text()).toBe('베트남');
    expect(wrapper.get('.b2b-meeting__interpreter').text()).toBe('통역 없음(공통 언어 사용)');
    expect(wrapper.get('.b2b-meeting__status').text()).toBe('상담 완료');
  });

  it("says a meeting that is not the person's cannot be found (control: their own opens)", async () => {
    const api = fakePortalApi([tci2015], { person: contact, signedIn: true, b2bMeetings: [meeting] });
    const other = '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9b99';
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: `/b2b/meetings/${other}` });
    await vi.waitFor(() => expect(wrapper.find('.b2b-meeting__not-found').exists()).toBe(true), {
      timeout: 10_000,
    });
    expect(wrapper.get('.b2b-meeting__not-found').text()).toBe(
      'This meeting cannot be found. Check that you signed in with the address your company gave as its contact.',
    );
    expect(wrapper.find('.b2b-meeting__counterpart').exists()).toBe(false);
  });

  it('without a session, offers to sign in and come back', async () => {
    const api = fakePortalApi([tci2015], { person: contact, b2bMeetings: [meeting] });
    const { wrapper } = await mountPortal(App, { api, locale: 'en', path: `/b2b/meetings/${meeting.id}` });
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find('.b2b-meeting a').exists()).toBe(true), { timeout: 10_000 });
    expect(wrapper.get('.b2b-meeting a').attributes('href')).toBe(`/signin?next=/b2b/meetings/${meeting.id}`);
    expect(api.calls.map((c) => c.procedure)).not.toContain('myB2b.meeting');
  });
});
