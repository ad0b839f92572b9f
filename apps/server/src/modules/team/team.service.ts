import { DomainError, type EventRole, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { hashPassword, newToken, sha256 } from '../identity/crypto';
import { findUserByEmail, insertUser } from '../identity/identity.repo';
import { startSession } from '../identity/sessions';
import { sendTemplatedMail } from '../mail/mail.service';
import { findEvent } from '../events/events.repo';
import * as repo from './team.repo';

const INVITATION_DAYS = 14;

const roleNames: Record<EventRole, { ko: string; en: string }> = {
  owner: { ko: '소유자', en: 'owner' },
  admin: { ko: '관리자', en: 'administrator' },
  staff: { ko: '등록 데스크', en: 'registration desk staff' },
  program_chair: { ko: '프로그램 위원장', en: 'programme chair' },
  reviewer: { ko: '심사위원', en: 'reviewer' },
  b2b_coordinator: { ko: 'B2B 코디네이터', en: 'B2B coordinator' },
};

export function createTeamService(runtime: Runtime): Services['team'] {
  const now = () => runtime.now();

  /** Only an owner (or a platform admin) may hand out or take away ownership. */
  function assertMayTouchOwnership(caller: Parameters<Services['team']['changeRole']>[0], ...roles: (EventRole | undefined)[]) {
    if (roles.includes('owner') && caller.role !== 'owner' && !caller.actor.isPlatformAdmin) {
      throw new DomainError('FORBIDDEN', { key: 'onlyOwnerGrantsOwner' }, { role: ['Only an owner can do this'] });
    }
  }

  return {
    async list(caller) {
      const [members, invitations] = await Promise.all([
        repo.listMembers(runtime.db, caller.eventId),
        repo.listOpenInvitations(runtime.db, caller.eventId, now()),
      ]);
      return {
        members: members.map((m) => ({
          userId: m.userId,
          email: m.email,
          displayName: m.displayName,
          role: m.role,
          totpEnabled: m.totpEnabledAt !== null,
          joinedAt: m.joinedAt.toISOString(),
        })),
        invitations: invitations.map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          invitedBy: i.invitedBy,
          expiresAt: i.expiresAt.toISOString(),
          createdAt: i.createdAt.toISOString(),
        })),
      };
    },

    async invite(caller, input) {
      assertMayTouchOwnership(caller, input.role);
      const token = newToken();
      return inTransaction(runtime, async (uow) => {
        const event = await findEvent(uow.tx, caller.eventId);
        if (!event) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
        const existing = await findUserByEmail(uow.tx, input.email);
        if (existing && (await repo.findMemberForUpdate(uow.tx, caller.eventId, existing.id))) {
          throw new DomainError('CONFLICT', { key: 'alreadyOnTeam' }, { email: ['Already on the team'] });
        }
        const invitation = await repo.insertInvitation(uow.tx, {
          eventId: caller.eventId,
          email: input.email,
          role: input.role,
          tokenHash: sha256(token),
          invitedBy: caller.actor.userId,
          expiresAt: new Date(now().getTime() + INVITATION_DAYS * 86_400_000),
        });
        // Someone with an account reads the language they chose; for someone new the
        // inviter chooses, by default the team's language (else the event's: an event
        // titled in English only is an English one).
        const teamLocale = (await repo.findTeamLocale(uow.tx, caller.eventId)) ?? (event.title.ko ? 'ko' : 'en');
        const known = existing?.locale === 'en' || existing?.locale === 'ko' ? existing.locale : null;
        await sendTemplatedMail(runtime, uow, {
          kind: 'teamInvitation',
          to: input.email,
          locale: known ?? input.locale ?? teamLocale,
          eventId: caller.eventId,
          values: {
            eventTitle: event.title,
            role: roleNames[input.role],
            inviter: caller.actor.displayName,
            link: `${runtime.config.publicUrl}/admin/invitation?token=${encodeURIComponent(token)}`,
            days: INVITATION_DAYS,
          },
        });
        await recordAudit(uow.tx, caller, {
          eventId: caller.eventId,
          action: 'team.invite',
          objectType: 'invitation',
          objectId: invitation.id,
          after: { email: input.email, role: input.role },
        });
        return {
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          invitedBy: caller.actor.email,
          expiresAt: invitation.expiresAt.toISOString(),
          createdAt: invitation.createdAt.toISOString(),
        };
      });
    },

    async changeRole(caller, input) {
      await inTransaction(runtime, async ({ tx }) => {
        const member = await repo.findMemberForUpdate(tx, caller.eventId, input.userId);
        if (!member) throw new DomainError('NOT_FOUND', { key: 'notOnTeamPerson' });
        if (member.role === input.role) return;
        assertMayTouchOwnership(caller, member.role, input.role);
        if (member.role === 'owner' && (await repo.countOwnersForUpdate(tx, caller.eventId)) <= 1) {
          throw new DomainError('INVALID_STATE', { key: 'lastOwner' }, { role: ['The last owner'] });
        }
        await repo.setMemberRole(tx, caller.eventId, input.userId, input.role);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'team.changeRole',
          objectType: 'member',
          objectId: input.userId,
          before: { role: member.role },
          after: { role: input.role },
        });
      });
    },

    async remove(caller, input) {
      await inTransaction(runtime, async ({ tx }) => {
        const member = await repo.findMemberForUpdate(tx, caller.eventId, input.userId);
        if (!member) throw new DomainError('NOT_FOUND', { key: 'notOnTeamPerson' });
        assertMayTouchOwnership(caller, member.role);
        if (member.role === 'owner' && (await repo.countOwnersForUpdate(tx, caller.eventId)) <= 1) {
          throw new DomainError('INVALID_STATE', { key: 'lastOwner' });
        }
        await repo.deleteMember(tx, caller.eventId, input.userId);
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'team.remove',
          objectType: 'member',
          objectId: input.userId,
          before: { role: member.role },
        });
      });
    },

    async revokeInvitation(caller, input) {
      await inTransaction(runtime, async ({ tx }) => {
        if (!(await repo.revokeInvitation(tx, caller.eventId, input.invitationId, now()))) {
          throw new DomainError('NOT_FOUND', { key: 'noOpenInvitation' });
        }
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'team.revokeInvitation',
          objectType: 'invitation',
          objectId: input.invitationId,
        });
      });
    },

    async invitationInfo(_caller, input) {
      const inv = await repo.findLiveInvitation(runtime.db, sha256(input.token), now());
      if (!inv) throw new DomainError('TOKEN_INVALID', { key: 'invitationInvalid' });
      const user = await findUserByEmail(runtime.db, inv.email);
      return { eventTitle: inv.eventTitle, email: inv.email, role: inv.role, hasAccount: Boolean(user) };
    },

    async acceptInvitation(caller, input, cookie) {
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      await inTransaction(runtime, async ({ tx }) => {
        const inv = await repo.findLiveInvitation(tx, sha256(input.token), now(), { lock: true });
        if (!inv) throw new DomainError('TOKEN_INVALID', { key: 'invitationInvalid' });
        let user = await findUserByEmail(tx, inv.email);
        let newAccount = false;
        if (!user) {
          if (!input.displayName || !passwordHash) {
            throw new DomainError('INVALID_INPUT', { key: 'chooseNameAndPassword' }, {
              ...(input.displayName ? {} : { displayName: ['Required'] }),
              ...(passwordHash ? {} : { password: ['Required'] }),
            });
          }
          user = await insertUser(tx, { email: inv.email, displayName: input.displayName, passwordHash });
          newAccount = true;
        }
        if (!(await repo.findMemberForUpdate(tx, inv.eventId, user.id))) {
          await repo.insertMember(tx, { eventId: inv.eventId, userId: user.id, role: inv.role });
        }
        await repo.markInvitationAccepted(tx, inv.id, now());
        await recordAudit(tx, { actor: null, request: caller.request }, {
          eventId: inv.eventId,
          action: 'team.acceptInvitation',
          objectType: 'member',
          objectId: user.id,
          after: { email: user.email, role: inv.role },
          actor: { kind: 'user', userId: user.id, email: user.email },
        });
        // The emailed token proves the address: a new account is signed in at once;
        // an existing account signs in as usual (its second factor included).
        if (newAccount) await startSession(runtime, tx, caller, user.id, true, cookie);
      });
    },
  };
}

export function createAccessService(runtime: Runtime): Pick<Services['access'], 'eventAccess'> {
  return {
    async eventAccess(actor, eventId) {
      const standing = await repo.findEventStanding(runtime.db, eventId, actor.userId);
      if (!standing) return null;
      return { role: standing.role ?? null, requireTwoFactor: standing.requireTwoFactor };
    },
  };
}
