import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { setCsrfToken } from '@plenary/ui';
import type { EventRole, Me, Permissions } from '@plenary/contracts/schemas';
import { api } from '../../api';

export type AuthStatus = 'anonymous' | 'secondFactor' | 'signedIn';

const signedOut: Me = { user: null, secondFactorPending: false, csrfToken: null, memberships: [] };

/** Who is signed in, their events, and the sign-in / sign-out steps. */
export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me>(signedOut);
  const loaded = ref(false);
  /** Set when auth.me could not be reached at all (server down, offline). */
  const unreachable = ref(false);

  const status = computed<AuthStatus>(() => {
    if (me.value.secondFactorPending) return 'secondFactor';
    return me.value.user ? 'signedIn' : 'anonymous';
  });
  const user = computed(() => me.value.user);
  const memberships = computed(() => me.value.memberships);
  const isPlatformAdmin = computed(() => me.value.user?.isPlatformAdmin === true);
  /** What the user may use, per event, as the server computes it from its access rules. */
  const permissions = ref<Record<string, Permissions>>({});

  function apply(next: Me) {
    if (next.user?.id !== me.value.user?.id || next.secondFactorPending) permissions.value = {};
    me.value = next;
    loaded.value = true;
    setCsrfToken(next.csrfToken);
  }

  /** Reads auth.me again (after any step that changes the session). */
  async function refresh(): Promise<Me> {
    const next = await api().auth.me.query();
    unreachable.value = false;
    apply(next);
    return next;
  }

  /** Loads auth.me once; a failure leaves the user signed out and marks the server unreachable. */
  async function ensureLoaded(): Promise<void> {
    if (loaded.value) return;
    try {
      await refresh();
    } catch {
      unreachable.value = true;
      apply(signedOut);
    }
  }

  /** Password step. Resolves to the status after it: 'secondFactor' when a code is still needed. */
  async function login(email: string, password: string): Promise<AuthStatus> {
    await api().auth.login.mutate({ email, password });
    await refresh();
    return status.value;
  }

  /** Second step: a 6-digit TOTP code or a recovery code. */
  async function verifySecondFactor(code: string): Promise<void> {
    await api().auth.verifySecondFactor.mutate({ code });
    await refresh();
  }

  async function logout(): Promise<void> {
    try {
      await api().auth.logout.mutate();
    } finally {
      apply(signedOut);
      await refresh().catch(() => undefined);
    }
  }

  async function logoutEverywhere(): Promise<void> {
    try {
      await api().auth.logoutEverywhere.mutate();
    } finally {
      apply(signedOut);
      await refresh().catch(() => undefined);
    }
  }

  /** Asks the server what this user may use in the event (once per event and session). */
  async function loadPermissions(eventId: string, options: { force?: boolean } = {}): Promise<void> {
    if (permissions.value[eventId] && !options.force) return;
    try {
      const got = await api().auth.permissions.query({ eventId });
      permissions.value = { ...permissions.value, [eventId]: got };
    } catch {
      // Not on the team, or offline: nothing is known, so nothing extra is hidden.
    }
  }

  /**
   * Whether the user may call the procedure in the event: true or false once
   * the server has answered, null before (the caller then falls back to the role).
   */
  function may(eventId: string, procedure: string): boolean | null {
    const known = permissions.value[eventId];
    return known ? known.procedures.includes(procedure) : null;
  }

  /** The user's role in an event (null when not on its team, e.g. a platform admin looking in). */
  function roleIn(eventId: string): EventRole | null {
    return me.value.memberships.find((m) => m.eventId === eventId)?.role ?? null;
  }

  /** Owner or admin of the event, or a platform admin: may change it and its team. */
  function canManage(eventId: string): boolean {
    const role = roleIn(eventId);
    return isPlatformAdmin.value || role === 'owner' || role === 'admin';
  }

  /** The event asks for two-factor sign-in and this user has not set it up (platform admins are exempt). */
  function needsTwoFactorFor(eventId: string): boolean {
    const m = me.value.memberships.find((x) => x.eventId === eventId);
    return Boolean(m?.requireTwoFactor && !me.value.user?.totpEnabled && !isPlatformAdmin.value);
  }

  return {
    me,
    loaded,
    unreachable,
    status,
    user,
    memberships,
    isPlatformAdmin,
    permissions,
    loadPermissions,
    may,
    refresh,
    ensureLoaded,
    login,
    verifySecondFactor,
    logout,
    logoutEverywhere,
    roleIn,
    canManage,
    needsTwoFactorFor,
  };
});
