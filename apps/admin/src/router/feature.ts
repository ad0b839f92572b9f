import type { RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Anyone may open it, signed in or not. */
    public?: boolean;
    /** Only for someone not signed in (login, forgot password): others go on. */
    guestOnly?: boolean;
    /** The second-factor step of sign-in. */
    secondFactorStep?: boolean;
    /** Platform administrators only. */
    platformAdmin?: boolean;
    /** Event owners and admins only (the route has an :eventId param). */
    eventManage?: boolean;
    /** Built without PrimeVue and zod (the sign-in page): the console kit is not loaded for it. */
    light?: boolean;
    /** i18n key of the page title. */
    titleKey?: string;
  }
}

/**
 * Where the side navigation puts an entry. The order is the order on screen.
 * The modules to come (registration, programme, B2B, agreements) have their slot
 * here; a section with no entries is not shown, so a module appears in the
 * navigation only once its routes exist.
 */
export const navSectionIds = ['event', 'registration', 'programme', 'b2b', 'agreements', 'platform'] as const;
export type NavSectionId = (typeof navSectionIds)[number];

export interface NavEntry {
  section: NavSectionId;
  /** A route name; event sections get the current :eventId. */
  routeName: string;
  labelKey: string;
  /** A PrimeIcons class. */
  icon: string;
  /** Who sees it: anyone on the event's team, its owners and admins, or platform admins. */
  audience: 'eventTeam' | 'eventManage' | 'platformAdmin';
  /**
   * The procedure the page cannot work without (its first load): once the
   * server has said what the user may use (auth.permissions), the entry is
   * shown only when that procedure is among it, so nobody is offered a page
   * that answers 403.
   */
  needs?: string;
}

/** What one feature folder adds to the app. */
export interface Feature {
  /** Pages outside the console (sign-in, invitation). */
  public?: RouteRecordRaw[];
  /** Pages inside the console, not tied to one event. */
  console?: RouteRecordRaw[];
  /** Pages of one event, under /events/:eventId. */
  event?: RouteRecordRaw[];
  nav?: NavEntry[];
}
