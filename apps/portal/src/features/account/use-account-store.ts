import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo, type ApiErrorInfo } from '@plenary/ui';
import type { MyEventDto, SignedInPersonDto, PersonSessionOutput } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';
import { setPersonCsrfToken } from '../../lib/person-session';

/** unknown: not asked yet; the others as the server answered. */
export type SessionState = 'unknown' | 'signed-out' | 'signed-in';

/** The signed-in participant: who, the events they are in, and the account's actions. */
export const useAccountStore = defineStore('account', () => {
  const person = ref<SignedInPersonDto | null>(null);
  const state = ref<SessionState>('unknown');
  const events = ref<MyEventDto[] | null>(null);
  const busy = ref<string | null>(null);
  const error = ref<{ action: string; info: ApiErrorInfo } | null>(null);

  function apply(session: PersonSessionOutput): void {
    person.value = session.person;
    setPersonCsrfToken(session.csrfToken);
    state.value = session.person ? 'signed-in' : 'signed-out';
  }

  /** Asks the server once per page load who is signed in (the cookie is httpOnly). */
  async function loadSession(force = false): Promise<SessionState> {
    if (state.value !== 'unknown' && !force) return state.value;
    try {
      apply(await portalApi().accounts.session.query());
    } catch {
      state.value = 'signed-out';
    }
    return state.value;
  }

  /** Runs one action; the error stays next to that action. */
  async function run<T>(action: string, call: () => Promise<T>): Promise<T | null> {
    busy.value = action;
    error.value = null;
    try {
      return await call();
    } catch (err) {
      error.value = { action, info: apiErrorInfo(err) };
      return null;
    } finally {
      busy.value = null;
    }
  }

  const requestCode = (email: string, locale: 'ko' | 'en') =>
    run('requestCode', () => portalApi().accounts.requestCode.mutate({ email, locale }));

  async function verifyCode(email: string, code: string): Promise<boolean> {
    const session = await run('verifyCode', () => portalApi().accounts.verifyCode.mutate({ email, code }));
    if (session) apply(session);
    return session?.person != null;
  }

  async function verifyLink(token: string): Promise<boolean> {
    const session = await run('verifyLink', () => portalApi().accounts.verifyLink.mutate({ token }));
    if (session) apply(session);
    return session?.person != null;
  }

  /** After a registration's emailed link was opened: that link signs its address in. */
  async function signInWithRegistrationLink(): Promise<void> {
    try {
      apply(await portalApi().accounts.fromRegistrationLink.mutate());
    } catch {
      // The registration page works with its link alone; signing in is a bonus.
    }
  }

  function forget(): void {
    person.value = null;
    events.value = null;
    setPersonCsrfToken(null);
    state.value = 'signed-out';
  }

  async function loadEvents(): Promise<void> {
    const list = await run('events', () => portalApi().me.events.query());
    if (list) events.value = list;
  }

  async function signOut(everywhere = false): Promise<boolean> {
    const done = await run(everywhere ? 'signOutEverywhere' : 'signOut', () =>
      everywhere ? portalApi().accounts.signOutEverywhere.mutate() : portalApi().accounts.signOut.mutate(),
    );
    if (done) forget();
    return done !== null;
  }

  const exportData = () => run('exportData', () => portalApi().me.exportData.query());

  async function erase(): Promise<boolean> {
    const done = await run('erase', () => portalApi().me.requestErasure.mutate());
    if (done) forget();
    return done !== null;
  }

  return {
    person,
    state,
    events,
    busy,
    error,
    loadSession,
    requestCode,
    verifyCode,
    verifyLink,
    signInWithRegistrationLink,
    loadEvents,
    signOut,
    exportData,
    erase,
  };
});
