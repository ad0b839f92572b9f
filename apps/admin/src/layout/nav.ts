import { navSectionIds, type NavEntry, type NavSectionId } from '../router/feature';

export interface NavContext {
  /** The event open in the console, if any. */
  eventId: string | null;
  canManageEvent: boolean;
  isPlatformAdmin: boolean;
  /** Whether the user may call a procedure in the open event: null while the server has not said. */
  may?: (procedure: string) => boolean | null;
}

export interface NavSection {
  id: NavSectionId;
  entries: NavEntry[];
}

/** The entries this user may open, grouped in section order; empty sections are left out. */
export function navSections(entries: readonly NavEntry[], ctx: NavContext): NavSection[] {
  const visible = entries.filter((e) => {
    if (e.audience === 'platformAdmin') return ctx.isPlatformAdmin;
    if (!ctx.eventId) return false;
    if (e.needs && ctx.may) {
      const allowed = ctx.may(e.needs);
      if (allowed !== null) return allowed;
    }
    return e.audience === 'eventTeam' || ctx.canManageEvent;
  });
  return navSectionIds
    .map((id) => ({ id, entries: visible.filter((e) => e.section === id) }))
    .filter((s) => s.entries.length > 0);
}
