import { afterEach, describe, expect, it } from 'vitest';
import { englishOnly, fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { mountPortal } from '../../testing/mount-portal';
import EventListView from './EventListView.vue';

describe('EventListView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('lists each published event with title, subtitle, dates in its zone and venue', async () => {
    const { wrapper } = await mountPortal(EventListView, {
      api: fakePortalApi([tci2015, englishOnly]),
      locale: 'ko',
    });
    const cards = wrapper.findAll('article');
    expect(cards).toHaveLength(2);
    const first = cards[0]!;
    expect(first.get('h2 a').text()).toBe('제18차 TCI 글로벌 컨퍼런스');
    expect(first.get('h2 a').attributes('href')).toBe('/events/tci-2015');
    expect(first.get('p').text()).toBe('클러스터와 지역 혁신');
    expect(first.findAll('dd').map((d) => d.text())).toEqual(['2015년 11월 3일~6일', '엑스코']);
    expect(cards[1]!.get('h2 a').attributes('lang')).toBe('en');
    expect(document.title).toBe('행사 · Plenary');
  });

  it('says so when nothing is published', async () => {
    const { wrapper } = await mountPortal(EventListView, { api: fakePortalApi([]), locale: 'en' });
    expect(wrapper.find('article').exists()).toBe(false);
    expect(wrapper.get('h2').text()).toBe('No events have been published yet');
  });
});
