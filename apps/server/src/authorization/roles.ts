import { eventRoles, roles } from '@plenary/contracts';

/** The matrix's spelling of each role group, as describeAccess prints it. */
export const MANAGE = `event:${roles.manage.join(',')}`;
export const TEAM = `event:${eventRoles.join(',')}`;
export const DESK = `event:${roles.desk.join(',')}`;
export const PASSPORTS = `event:${roles.passports.join(',')}`;
