import { ref } from 'vue';

/**
 * The loads a store's page was rendered with on the server, by key ("event:tci-2015").
 * The keys travel with the store's state into the browser, so the page's first load
 * there takes the data it already has instead of asking the server again. On the
 * server a key holds for the whole render; in the browser it is used up once, so a
 * later visit to the same page fetches afresh. A piece of store state, called in a
 * setup store and returned with it.
 */
export function usePrerendered() {
  const keys = ref<string[]>([]);

  function mark(key: string): void {
    if (!keys.value.includes(key)) keys.value.push(key);
  }

  function take(key: string): boolean {
    const at = keys.value.indexOf(key);
    if (at < 0) return false;
    if (!import.meta.env.SSR) keys.value.splice(at, 1);
    return true;
  }

  return { keys, mark, take };
}
