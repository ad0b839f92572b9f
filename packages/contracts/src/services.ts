import type { z } from 'zod';
import type { EventRole, ObjectKind } from './access';
import type { RateLimitHit } from './rate-limits';
import type {
  Actor,
  Caller,
  EventCaller,
  ObjectOwner,
  PartnerActor,
  SessionCookie,
  SignedInCaller,
} from './context';
import type { RegistrationServices } from './domains/registration/services';
import type { PartnerServices } from './domains/partners';
import type { WebhookServices } from './domains/webhooks';
import type { DeskServices } from './domains/desk';
import type { ExportServices } from './domains/exports';
import type { OrganisationServices } from './domains/organisations';
import type { DomainEventServices } from './domains/domain-events';
import type { AccountServices } from './domains/accounts';
import type { PeopleServices } from './domains/people';
// B2B export fair (issue 14).
import type { B2bServices } from './domains/b2b';
import type { B2bScheduleServices } from './domains/b2b-schedule';
import type { B2bApiServices } from './domains/b2b-api';
import type { MyB2bServices } from './domains/my-b2b';
import type { PaperServices } from './domains/papers';
import type { ReviewServices } from './domains/review';
import type { DecisionServices } from './domains/decisions';
// agreements (issue 13)
import type { AgreementServices } from './domains/agreements';
import type { AgreementSigningServices } from './domains/agreement-signing';
import type * as auth from './domains/auth';
import type * as events from './domains/events';
import type * as team from './domains/team';
import type * as audit from './domains/audit';
import type * as mail from './domains/mail';
import type * as jobs from './domains/jobs';

type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;
type Parsed<T extends z.ZodType> = z.output<T>;

/** What the procedures need of the server. The server implements it; tests call it through the router. */
export interface Services
  extends RegistrationServices,
    PartnerServices,
    WebhookServices,
    DeskServices,
    ExportServices,
    OrganisationServices,
    DomainEventServices,
    AccountServices,
    PeopleServices,
    B2bServices,
    B2bScheduleServices,
    B2bApiServices,
    MyB2bServices,
    PaperServices,
    ReviewServices,
    DecisionServices,
    AgreementServices,
    AgreementSigningServices {
  access: {
    /** The actor's standing in one event, or null when the event does not exist. */
    eventAccess(
      actor: Actor,
      eventId: string,
    ): Promise<{ role: EventRole | null; requireTwoFactor: boolean } | null>;
    /** The registration an emailed link opens, or null for an unknown link. */
    registrationLink(token: string): Promise<{ registrationId: string; eventId: string } | null>;
    /** The delegation an emailed contact link opens, or null. */
    delegationLink(token: string): Promise<{ delegationId: string; eventId: string } | null>;
    /** The partner behind an API key (null: unknown or revoked); records "last used". */
    partnerKey(key: string): Promise<PartnerActor | null>;
    /** The id of the event a partner names by id or slug, or null when missing or not the key's. */
    partnerEvent(partner: PartnerActor, eventRef: string): Promise<string | null>;
    /**
     * Whether the object of this kind and id exists and is the caller's own
     * (see ObjectRule in access.ts); false for both "missing" and "not yours".
     */
    objectAllowed(owner: ObjectOwner, kind: ObjectKind, id: string): Promise<boolean>;
  };
  rateLimits: {
    /**
     * Counts one request in each bucket, atomically, and answers the seconds to
     * wait when any bucket is over its limit (null: go ahead). A max of 0 for
     * an apiKey bucket stands for the server's default partner limit.
     */
    hit(hits: readonly RateLimitHit[]): Promise<{ retryAfterSeconds: number } | null>;
  };
  auth: {
    login(
      caller: Caller,
      input: Parsed<typeof auth.loginInput>,
      cookie: SessionCookie,
    ): Promise<Out<typeof auth.loginOutput>>;
    verifySecondFactor(caller: SignedInCaller, input: Parsed<typeof auth.secondFactorInput>): Promise<void>;
    logout(caller: SignedInCaller, cookie: SessionCookie): Promise<void>;
    logoutEverywhere(caller: SignedInCaller, cookie: SessionCookie): Promise<void>;
    me(caller: Caller): Promise<Out<typeof auth.meOutput>>;
    /** What the caller may use in the event, from the router's access rules. */
    permissions(caller: EventCaller): Promise<Out<typeof auth.permissionsOutput>>;
    updateProfile(caller: SignedInCaller, input: Parsed<typeof auth.updateProfileInput>): Promise<void>;
    changePassword(caller: SignedInCaller, input: Parsed<typeof auth.changePasswordInput>): Promise<void>;
    startTotpEnrolment(caller: SignedInCaller): Promise<Out<typeof auth.totpEnrolmentOutput>>;
    confirmTotpEnrolment(
      caller: SignedInCaller,
      input: Parsed<typeof auth.confirmTotpInput>,
    ): Promise<Out<typeof auth.recoveryCodesOutput>>;
    regenerateRecoveryCodes(caller: SignedInCaller): Promise<Out<typeof auth.recoveryCodesOutput>>;
    disableTotp(caller: SignedInCaller, input: Parsed<typeof auth.disableTotpInput>): Promise<void>;
    requestPasswordReset(caller: Caller, input: Parsed<typeof auth.requestPasswordResetInput>): Promise<void>;
    resetPassword(caller: Caller, input: Parsed<typeof auth.resetPasswordInput>): Promise<void>;
  };
  users: {
    list(caller: SignedInCaller): Promise<Out<typeof auth.userDto>[]>;
    create(
      caller: SignedInCaller,
      input: Parsed<typeof auth.createUserInput>,
    ): Promise<Out<typeof auth.userDto>>;
  };
  events: {
    listMine(
      caller: SignedInCaller,
      input: Parsed<typeof events.listEventsInput>,
    ): Promise<Out<typeof events.eventDto>[]>;
    get(caller: EventCaller): Promise<Out<typeof events.eventDto>>;
    create(
      caller: SignedInCaller,
      input: Parsed<typeof events.createEventInput>,
    ): Promise<Out<typeof events.eventDto>>;
    update(
      caller: EventCaller,
      input: Parsed<typeof events.updateEventInput>,
    ): Promise<Out<typeof events.eventDto>>;
    transition(
      caller: EventCaller,
      input: Parsed<typeof events.transitionEventInput>,
    ): Promise<Out<typeof events.eventDto>>;
    listPublished(caller: Caller): Promise<Out<typeof events.publicEventDto>[]>;
    getPublishedBySlug(
      caller: Caller,
      input: Parsed<typeof events.publicEventBySlugInput>,
    ): Promise<Out<typeof events.publicEventDto>>;
  };
  team: {
    list(caller: EventCaller): Promise<Out<typeof team.teamOutput>>;
    invite(
      caller: EventCaller,
      input: Parsed<typeof team.inviteMemberInput>,
    ): Promise<Out<typeof team.invitationDto>>;
    changeRole(caller: EventCaller, input: Parsed<typeof team.changeRoleInput>): Promise<void>;
    remove(caller: EventCaller, input: Parsed<typeof team.removeMemberInput>): Promise<void>;
    revokeInvitation(caller: EventCaller, input: Parsed<typeof team.revokeInvitationInput>): Promise<void>;
    invitationInfo(
      caller: Caller,
      input: Parsed<typeof team.invitationTokenInput>,
    ): Promise<Out<typeof team.invitationInfoOutput>>;
    acceptInvitation(
      caller: Caller,
      input: Parsed<typeof team.acceptInvitationInput>,
      cookie: SessionCookie,
    ): Promise<void>;
  };
  audit: {
    list(
      caller: EventCaller,
      input: Parsed<typeof audit.auditListInput>,
    ): Promise<Out<typeof audit.auditListOutput>>;
    listPlatform(
      caller: SignedInCaller,
      input: Parsed<typeof audit.platformAuditListInput>,
    ): Promise<Out<typeof audit.auditListOutput>>;
  };
  mail: {
    list(
      caller: SignedInCaller,
      input: Parsed<typeof mail.mailListInput>,
    ): Promise<Out<typeof mail.mailListOutput>>;
    get(
      caller: SignedInCaller,
      input: Parsed<typeof mail.mailGetInput>,
    ): Promise<Out<typeof mail.mailMessageDto>>;
    templates(caller: SignedInCaller): Promise<Out<typeof mail.mailTemplatesOutput>>;
    eventTemplates(caller: EventCaller): Promise<Out<typeof mail.eventMailTemplatesOutput>>;
    previewOverride(
      caller: EventCaller,
      input: Parsed<typeof mail.templateOverrideInput>,
    ): Promise<Out<typeof mail.renderedMailDto>>;
    saveOverride(caller: EventCaller, input: Parsed<typeof mail.templateOverrideInput>): Promise<void>;
    deleteOverride(caller: EventCaller, input: Parsed<typeof mail.templateOverrideKeyInput>): Promise<void>;
    sendTestOverride(
      caller: EventCaller,
      input: Parsed<typeof mail.templateOverrideInput>,
    ): Promise<Out<typeof mail.testMailOutput>>;
    suppressions(caller: SignedInCaller): Promise<Out<typeof mail.mailSuppressionsOutput>>;
    unsuppress(caller: SignedInCaller, input: Parsed<typeof mail.unsuppressInput>): Promise<void>;
  };
  jobs: {
    list(caller: SignedInCaller): Promise<Out<typeof jobs.scheduledJobsOutput>>;
  };
}

export type { In };
