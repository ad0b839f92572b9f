import {
  appRouter,
  type Access,
  type EventCaller,
  type EventRole,
  type Permissions,
  type Services,
} from '@plenary/contracts';

/** Every procedure's access rule, read once from the router's meta. */
const rules: Array<{ path: string; access: Access | undefined }> = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>,
).map(([path, proc]) => ({ path, access: proc._def.meta?.access }));

/**
 * Whether a team member (or a platform admin) passes a procedure's rule by
 * role alone. Only the staff console's kinds count: event procedures, and
 * platform procedures for platform admins; links, keys and public procedures
 * are not the console's to show.
 */
function allows(access: Access | undefined, role: EventRole | null, isPlatformAdmin: boolean): boolean {
  if (access?.kind === 'event') return isPlatformAdmin || (role !== null && access.roles.includes(role));
  if (access?.kind === 'platformAdmin') return isPlatformAdmin;
  return false;
}

/** The procedures and areas a role may use in an event, from the router's rules. */
export function permissionsFor(role: EventRole | null, isPlatformAdmin: boolean): Permissions {
  const procedures = rules
    .filter((r) => allows(r.access, role, isPlatformAdmin))
    .map((r) => r.path)
    .sort();
  const areas = [...new Set(procedures.map((p) => p.split('.')[0]!))].sort();
  return { role, isPlatformAdmin, areas, procedures };
}

export function createPermissionsService(): Pick<Services['auth'], 'permissions'> {
  return {
    permissions: async (caller: EventCaller) => permissionsFor(caller.role, caller.actor.isPlatformAdmin),
  };
}
