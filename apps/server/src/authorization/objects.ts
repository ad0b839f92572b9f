import type { CallerName, CallerUniverse } from '../testing/callers';

/**
 * The object rules, written by hand like the role matrix: each procedure that
 * declares a rule on the object it touches (meta.object) is listed with its
 * rule, spelled `kind:field` (several joined by ', '), and one case where a
 * caller the access rule lets in names an object that is not theirs (of event
 * B, or not their partner's, or not their delegation's) and must get a 404.
 * authorization.test.ts fails for a procedure with an object rule and no case.
 */
export interface ObjectCase {
  rule: string;
  caller: CallerName;
  /** The input, from the universe: event A's ids, and `other`, the objects of event B. */
  input: (u: CallerUniverse) => Record<string, unknown>;
}

const registration = 'registration:registrationId';
export const objectCases: Record<string, ObjectCase> = {
  // B2B fair (issue 14): a meeting of companies the person is not the contact of.
  'myB2b.meeting': {
    rule: 'b2bMeeting:meetingId',
    caller: 'person',
    input: ({ other: o }) => ({ meetingId: o.b2bMeetingId }),
  },
  // review (issue 11 §3): a submission of event B is nobody's in event A.
  'review.assign': {
    rule: 'submission:submissionId',
    caller: 'role:program_chair',
    input: ({ eventId, other: o }) => ({ eventId, submissionId: o.submissionId, userId: o.submissionId }),
  },
  'review.unassign': {
    rule: 'submission:submissionId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, submissionId: o.submissionId, userId: o.submissionId }),
  },
  'reviewing.submission': {
    rule: 'submission:submissionId',
    caller: 'role:reviewer',
    input: ({ eventId, other: o }) => ({ eventId, submissionId: o.submissionId }),
  },
  'registrationSetup.updateCategory': {
    rule: 'category:categoryId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, categoryId: o.categoryId }),
  },
  'registrationSetup.deleteCategory': {
    rule: 'category:categoryId',
    caller: 'role:owner',
    input: ({ eventId, other: o }) => ({ eventId, categoryId: o.categoryId }),
  },
  'registrationSetup.updateOption': {
    rule: 'option:optionId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, optionId: o.optionId }),
  },
  'registrationSetup.deleteOption': {
    rule: 'option:optionId',
    caller: 'role:owner',
    input: ({ eventId, other: o }) => ({ eventId, optionId: o.optionId }),
  },
  'registrationSetup.createCode': {
    rule: 'category:categoryId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, code: 'STOLEN', categoryId: o.categoryId, maxUses: 5 }),
  },
  'registrationSetup.revokeCode': {
    rule: 'invitationCode:codeId',
    caller: 'role:owner',
    input: ({ eventId, other: o }) => ({ eventId, codeId: o.codeId }),
  },
  'registrations.get': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId }),
  },
  'registrations.update': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId, participant: {} }),
  },
  'registrations.cancel': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId }),
  },
  'registrations.setPayment': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId, paymentStatus: 'paid' }),
  },
  'registrations.waitlist': {
    rule: 'category:categoryId',
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, categoryId: o.categoryId }),
  },
  'registrations.moveInWaitlist': {
    rule: 'registration:registrationId, registration:beforeId, option:optionId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId, beforeId: null }),
  },
  'delegations.get': {
    rule: 'delegation:delegationId',
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, delegationId: o.delegationId }),
  },
  // The participant's own registration is of event A, but not a member of the contact's delegation.
  'delegations.cancelMember': {
    rule: registration,
    caller: 'delegationContact',
    input: (u) => ({ registrationId: u.registrationId }),
  },
  'checkIn.checkIn': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId }),
  },
  'checkIn.undo': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId }),
  },
  // reg8: the desk takes a fee's payment at check-in.
  'checkIn.takePayment': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({
      eventId,
      registrationId: o.registrationId,
      amount: 300_000,
      method: 'card',
    }),
  },
  'documents.receipt': {
    rule: registration,
    caller: 'role:staff',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId }),
  },
  'webhooks.remove': {
    rule: 'webhook:subscriptionId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, subscriptionId: o.subscriptionId }),
  },
  'webhooks.deliveries': {
    rule: 'webhook:subscriptionId',
    caller: 'role:owner',
    input: ({ eventId, other: o }) => ({ eventId, subscriptionId: o.subscriptionId }),
  },
  'webhooks.redeliver': {
    rule: 'webhookDelivery:deliveryId',
    caller: 'role:admin',
    input: ({ eventId, other: o }) => ({ eventId, deliveryId: o.deliveryId }),
  },
  // A registration of the partner's own event, made on the portal: not the partner's.
  'api.registration': {
    rule: registration,
    caller: 'partner:registrations:read',
    input: ({ eventId, registrationId }) => ({ eventId, registrationId }),
  },
  'api.cancelRegistration': {
    rule: registration,
    caller: 'partner:registrations:write',
    input: ({ eventId, other: o }) => ({ eventId, registrationId: o.registrationId }),
  },
};
