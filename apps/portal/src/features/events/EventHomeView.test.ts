import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalApi } from '../../api';
import { englishOnly, fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import EventHomeView from './EventHomeView.vue';

describe('EventHomeView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the event in Korean with its dates in Asia/Seoul and the zone named', async () => {
    const { wrapper } = await mountPortal(EventHomeView, {
      api: fakePortalApi([tci2015]),
      locale: 'ko',
      path: '/events/tci-2015',
      props: { slug: 'tci-2015' },
    });
    const h1 = wrapper.get('h1');
    expect(h1.text()).toBe('제18차 TCI 글로벌 컨퍼런스');
    expect(h1.attributes('lang')).toBe('ko');
    const facts = wrapper
      .get('dl')
      .findAll('dd')
      .map((dd) => dd.text());
    expect(facts[0]).toContain('2015년 11월 3일~6일');
    expect(facts[0]).toContain('시간대: 한국 표준시 (UTC+9)');
    expect(facts[1]).toContain('엑스코');
    expect(facts[1]).toContain('대구광역시 북구 엑스코로 10');
    expect(wrapper.get('h2').text()).toBe('행사 소개');
    expect(wrapper.findAll('.event-description p').map((p) => p.text())).toEqual([
      '전 세계 클러스터 전문가가 대구에 모입니다.',
      '나흘 동안 강연과 현장 방문이 이어집니다.',
    ]);
    expect(document.title).toBe('제18차 TCI 글로벌 컨퍼런스 · Plenary');
  });

  it('shows the same event in English when English is chosen', async () => {
    const { wrapper } = await mountPortal(EventHomeView, {
      api: fakePortalApi([tci2015]),
      locale: 'en',
      props: { slug: 'tci-2015' },
    });
    expect(wrapper.get('h1').text()).toBe('18th TCI Global Conference');
    expect(wrapper.findAll('dl dd span').map((s) => s.text())).toEqual([
      '3 – 6 Nov 2015',
      'Time zone: Korean Standard Time (UTC+9)',
      'EXCO',
      '10 Exco-ro, Buk-gu, Daegu, Korea',
    ]);
  });

  it('falls back to English text, marked lang="en", when Korean is missing', async () => {
    const { wrapper } = await mountPortal(EventHomeView, {
      api: fakePortalApi([englishOnly]),
      locale: 'ko',
      props: { slug: 'english-only' },
    });
    const h1 = wrapper.get('h1');
    expect(h1.text()).toBe('Cluster Policy Workshop');
    expect(h1.attributes('lang')).toBe('en');
    // The page's own words stay Korean.
    expect(wrapper.get('dt').text()).toBe('일정');
    // Organisers' text is text: markup shows as written and makes no element.
    const description = wrapper.get('.event-description');
    expect(description.attributes('lang')).toBe('en');
    expect(description.get('p').text()).toBe('Plain <b>text</b>, never HTML.');
    expect(description.find('b').exists()).toBe(false);
    // The safe Markdown subset the server rendered: "- " lines are a list.
    expect(description.findAll('li').map((li) => li.text())).toEqual(['one', 'two']);
  });

  it('shows a not-found page for an unknown slug', async () => {
    const { wrapper } = await mountPortal(EventHomeView, {
      api: fakePortalApi([tci2015]),
      locale: 'ko',
      props: { slug: 'no-such-event' },
    });
    expect(wrapper.get('h1').text()).toBe('행사를 찾을 수 없습니다');
    expect(wrapper.get('a[href="/"]').text()).toBe('행사 목록으로 돌아가기');
    expect(document.title).toBe('행사를 찾을 수 없습니다 · Plenary');
  });

  it('says the event could not be loaded, with a retry, when the server is unreachable', async () => {
    let calls = 0;
    const flaky: PortalApi = {
      ...fakePortalApi([]),
      portal: {
        events: { query: async () => [] },
        event: {
          query: async () => {
            calls += 1;
            if (calls === 1) throw new TypeError('Failed to fetch');
            return tci2015;
          },
        },
      },
    };
    const { wrapper } = await mountPortal(EventHomeView, {
      api: flaky,
      locale: 'en',
      props: { slug: 'tci-2015' },
    });
    expect(wrapper.get('h1').text()).toBe('The event could not be loaded');
    expect(wrapper.get('[role="alert"]').text()).toContain('Please check your connection');
    expect(document.title).toBe('The event could not be loaded · Plenary');
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('18th TCI Global Conference');
  });

  it('offers a Register button when the event’s registration is open', async () => {
    const { wrapper } = await mountPortal(EventHomeView, {
      api: fakePortalApi([tci2015]),
      locale: 'ko',
      props: { slug: 'tci-2015' },
    });
    const register = wrapper.get('.event-home__register a');
    expect(register.text()).toBe('등록하기');
    expect(register.attributes('href')).toBe('/events/tci-2015/register');
  });

  it('offers no Register button when registration is closed', async () => {
    const { wrapper } = await mountPortal(EventHomeView, {
      api: fakePortalApi([englishOnly]),
      locale: 'en',
      props: { slug: 'english-only' },
    });
    expect(wrapper.get('h1').text()).toBe('Cluster Policy Workshop');
    expect(wrapper.find('.event-home__register').exists()).toBe(false);
  });
});
