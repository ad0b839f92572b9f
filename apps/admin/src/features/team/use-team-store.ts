import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type {
  acceptInvitationInput,
  EventRole,
  invitationDto,
  invitationInfoOutput,
  teamMemberDto,
} from '@plenary/contracts/schemas';
import { api } from '../../api';
import { useAuthStore } from '../auth/use-auth-store';

export type TeamMember = z.infer<typeof teamMemberDto>;
export type Invitation = z.infer<typeof invitationDto>;
export type InvitationInfo = z.infer<typeof invitationInfoOutput>;
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;

/** The team of one event: members, pending invitations, and the invitation link flow. */
export const useTeamStore = defineStore('team', () => {
  const eventId = ref<string | null>(null);
  const members = ref<TeamMember[]>([]);
  const invitations = ref<Invitation[]>([]);

  async function load(id: string): Promise<void> {
    if (eventId.value !== id) {
      members.value = [];
      invitations.value = [];
    }
    eventId.value = id;
    const team = await api().team.list.query({ eventId: id });
    members.value = team.members;
    invitations.value = team.invitations;
  }

  function requireEvent(): string {
    if (!eventId.value) throw new Error('team store used before load()');
    return eventId.value;
  }

  async function invite(email: string, role: EventRole, locale?: 'ko' | 'en'): Promise<Invitation> {
    const invitation = await api().team.invite.mutate({
      eventId: requireEvent(),
      email,
      role,
      ...(locale ? { locale } : {}),
    });
    invitations.value = [invitation, ...invitations.value.filter((i) => i.id !== invitation.id)];
    return invitation;
  }

  async function changeRole(userId: string, role: EventRole): Promise<void> {
    await api().team.changeRole.mutate({ eventId: requireEvent(), userId, role });
    members.value = members.value.map((m) => (m.userId === userId ? { ...m, role } : m));
    if (userId === useAuthStore().user?.id) await useAuthStore().refresh();
  }

  async function remove(userId: string): Promise<void> {
    await api().team.remove.mutate({ eventId: requireEvent(), userId });
    members.value = members.value.filter((m) => m.userId !== userId);
  }

  async function revoke(invitationId: string): Promise<void> {
    await api().team.revokeInvitation.mutate({ eventId: requireEvent(), invitationId });
    invitations.value = invitations.value.filter((i) => i.id !== invitationId);
  }

  async function invitationInfo(token: string): Promise<InvitationInfo> {
    return api().team.invitation.query({ token });
  }

  /** Joins the team (creating the account when name and password are given) and signs in. */
  async function acceptInvitation(input: AcceptInvitationInput): Promise<void> {
    await api().team.acceptInvitation.mutate(input);
    await useAuthStore().refresh();
  }

  return {
    eventId,
    members,
    invitations,
    load,
    invite,
    changeRole,
    remove,
    revoke,
    invitationInfo,
    acceptInvitation,
  };
});
