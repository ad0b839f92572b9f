import { randomBytes } from 'node:crypto';
import { emailSchema, type Caller, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from './crypto';
import * as repo from './identity.repo';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  isPlatformAdmin: boolean;
}

/** Creates a staff account; used by the admin console, the CLI and the first-admin bootstrap. */
export async function createUser(runtime: Runtime, caller: Caller | 'cli' | 'system', input: NewUser) {
  // The CLI and bootstrap come here without the contract's parsing: normalise the same way.
  const email = emailSchema.parse(input.email);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(runtime, async ({ tx }) => {
    const user = await repo.insertUser(tx, {
      email,
      displayName: input.displayName,
      passwordHash,
      isPlatformAdmin: input.isPlatformAdmin,
    });
    await recordAudit(tx, caller, {
      eventId: null,
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      after: { email: user.email, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin },
    });
    return { id: user.id, email: user.email, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin };
  });
}

/**
 * The first platform admin from PLENARY_ADMIN_EMAIL / PLENARY_ADMIN_PASSWORD:
 * created once, and never overwritten once it exists.
 */
export async function ensureBootstrapAdmin(runtime: Runtime, email: string, password: string): Promise<'created' | 'exists'> {
  const normalised = emailSchema.parse(email);
  if (await repo.findUserByEmail(runtime.db, normalised)) return 'exists';
  await createUser(runtime, 'system', { email: normalised, displayName: 'Administrator', password, isPlatformAdmin: true });
  return 'created';
}

/**
 * On a database without a platform admin (a fresh start), creates one with a
 * random password so the person who started Plenary can sign in. The password is
 * returned to be printed once; it is not stored anywhere else.
 */
export async function ensureFirstAdmin(runtime: Runtime): Promise<{ email: string; password: string } | null> {
  if ((await repo.countUsers(runtime.db, { platformAdmins: true })) > 0) return null;
  const email = 'admin@plenary.localhost';
  const password = randomBytes(12).toString('base64url');
  await createUser(runtime, 'system', { email, displayName: 'Administrator', password, isPlatformAdmin: true });
  return { email, password };
}

export function createUsersService(runtime: Runtime): Services['users'] {
  return {
    async list() {
      return repo.listUsers(runtime.db);
    },
    async create(caller, input) {
      return createUser(runtime, caller, input);
    },
  };
}
