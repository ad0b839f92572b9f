import type { StateTree } from 'pinia';
import type { Locale } from '@plenary/ui';

/** The element of a server-rendered page that holds the state it was rendered from. */
export const STATE_ELEMENT_ID = 'plenary-state';

export interface ServerState {
  locale: Locale;
  pinia: Record<string, StateTree>;
}

/** The server's state for hydration, or null on a page the server did not render. */
export function readServerState(): ServerState | null {
  const element = document.getElementById(STATE_ELEMENT_ID);
  if (!element?.textContent) return null;
  try {
    const parsed = JSON.parse(element.textContent) as Partial<ServerState> | null;
    if (!parsed || (parsed.locale !== 'ko' && parsed.locale !== 'en') || typeof parsed.pinia !== 'object' || !parsed.pinia)
      return null;
    return { locale: parsed.locale, pinia: parsed.pinia };
  } catch {
    return null;
  }
}
