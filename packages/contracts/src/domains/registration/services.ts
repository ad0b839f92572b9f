import type { z } from 'zod';
import type { Caller, DelegationCaller, EventCaller, ParticipantCaller } from '../../context';
import type * as s from './index';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.output<T>;

/** Registration: setup by staff, the participant list, the portal, delegations. */
export interface RegistrationServices {
  registrationSetup: {
    getSettings(caller: EventCaller): Promise<Out<typeof s.registrationSettingsDto>>;
    updateSettings(
      caller: EventCaller,
      input: In<typeof s.updateRegistrationSettingsInput>,
    ): Promise<Out<typeof s.registrationSettingsDto>>;
    updateForm(
      caller: EventCaller,
      input: In<typeof s.updateRegistrationFormInput>,
    ): Promise<Out<typeof s.registrationSettingsDto>>;
    listCategories(caller: EventCaller): Promise<Out<typeof s.categoryDto>[]>;
    createCategory(
      caller: EventCaller,
      input: In<typeof s.createCategoryInput>,
    ): Promise<Out<typeof s.categoryDto>>;
    updateCategory(
      caller: EventCaller,
      input: In<typeof s.updateCategoryInput>,
    ): Promise<Out<typeof s.categoryDto>>;
    deleteCategory(caller: EventCaller, input: In<typeof s.categoryRefInput>): Promise<void>;
    listOptions(caller: EventCaller): Promise<Out<typeof s.optionDto>[]>;
    createOption(
      caller: EventCaller,
      input: In<typeof s.createOptionInput>,
    ): Promise<Out<typeof s.optionDto>>;
    updateOption(
      caller: EventCaller,
      input: In<typeof s.updateOptionInput>,
    ): Promise<Out<typeof s.optionDto>>;
    deleteOption(caller: EventCaller, input: In<typeof s.optionRefInput>): Promise<void>;
    listCodes(caller: EventCaller): Promise<Out<typeof s.invitationCodeDto>[]>;
    createCode(
      caller: EventCaller,
      input: In<typeof s.createInvitationCodeInput>,
    ): Promise<Out<typeof s.invitationCodeDto>>;
    revokeCode(caller: EventCaller, input: In<typeof s.invitationCodeRefInput>): Promise<void>;
    listConsents(caller: EventCaller): Promise<Out<typeof s.consentVersionDto>[]>;
    publishConsent(
      caller: EventCaller,
      input: In<typeof s.publishConsentInput>,
    ): Promise<Out<typeof s.consentVersionDto>>;
  };
  registrations: {
    list(
      caller: EventCaller,
      input: In<typeof s.registrationListInput>,
    ): Promise<Out<typeof s.registrationListOutput>>;
    get(
      caller: EventCaller,
      input: In<typeof s.registrationRefInput>,
    ): Promise<Out<typeof s.registrationDetailDto>>;
    create(
      caller: EventCaller,
      input: In<typeof s.staffRegisterInput>,
    ): Promise<Out<typeof s.registrationDto>>;
    update(
      caller: EventCaller,
      input: In<typeof s.updateParticipantInput>,
    ): Promise<Out<typeof s.registrationDto>>;
    approve(
      caller: EventCaller,
      input: In<typeof s.decideRegistrationsInput>,
    ): Promise<Out<typeof s.bulkOutcomeDto>>;
    reject(
      caller: EventCaller,
      input: In<typeof s.decideRegistrationsInput>,
    ): Promise<Out<typeof s.bulkOutcomeDto>>;
    cancel(
      caller: EventCaller,
      input: In<typeof s.cancelRegistrationInput>,
    ): Promise<Out<typeof s.registrationDto>>;
    setPayment(
      caller: EventCaller,
      input: In<typeof s.setPaymentInput>,
    ): Promise<Out<typeof s.registrationDto>>;
    emailMany(caller: EventCaller, input: In<typeof s.bulkEmailInput>): Promise<Out<typeof s.bulkOutcomeDto>>;
    waitlist(
      caller: EventCaller,
      input: In<typeof s.waitlistInput>,
    ): Promise<Out<typeof s.waitlistEntryDto>[]>;
    moveInWaitlist(caller: EventCaller, input: In<typeof s.moveInWaitlistInput>): Promise<void>;
    offerNow(caller: EventCaller, input: In<typeof s.offerNowInput>): Promise<Out<typeof s.registrationDto>>;
    stats(caller: EventCaller): Promise<Out<typeof s.registrationStatsDto>>;
  };
  portalRegistration: {
    form(
      caller: Caller,
      input: In<typeof s.registrationFormInput>,
    ): Promise<Out<typeof s.registrationFormDto>>;
    altchaChallenge(caller: Caller): Promise<Out<typeof s.altchaChallengeDto>>;
    register(
      caller: Caller,
      input: In<typeof s.registerInput>,
    ): Promise<Out<typeof s.registrationReceiptDto>>;
    resendLink(caller: Caller, input: In<typeof s.resendLinkInput>): Promise<void>;
    uploadFile(caller: Caller, input: In<typeof s.uploadFileInput>): Promise<Out<typeof s.uploadedFileDto>>;
  };
  myRegistration: {
    get(caller: ParticipantCaller): Promise<Out<typeof s.myRegistrationDto>>;
    verifyEmail(caller: ParticipantCaller): Promise<Out<typeof s.myRegistrationDto>>;
    update(
      caller: ParticipantCaller,
      input: In<typeof s.updateMyRegistrationInput>,
    ): Promise<Out<typeof s.myRegistrationDto>>;
    cancel(
      caller: ParticipantCaller,
      input: In<typeof s.cancelMyRegistrationInput>,
    ): Promise<Out<typeof s.myRegistrationDto>>;
    correctName(
      caller: ParticipantCaller,
      input: In<typeof s.correctMyNameInput>,
    ): Promise<Out<typeof s.myRegistrationDto>>;
    acceptOffer(caller: ParticipantCaller): Promise<Out<typeof s.myRegistrationDto>>;
    declineOffer(caller: ParticipantCaller): Promise<Out<typeof s.myRegistrationDto>>;
  };
  delegations: {
    list(caller: EventCaller): Promise<Out<typeof s.delegationSummaryDto>[]>;
    get(caller: EventCaller, input: In<typeof s.delegationRefInput>): Promise<Out<typeof s.delegationDto>>;
    create(
      caller: EventCaller,
      input: In<typeof s.createDelegationInput>,
    ): Promise<Out<typeof s.delegationDto>>;
    mine(caller: DelegationCaller): Promise<Out<typeof s.delegationDto>>;
    cancelMember(
      caller: DelegationCaller,
      input: In<typeof s.cancelDelegateInput>,
    ): Promise<Out<typeof s.delegationDto>>;
  };
}
