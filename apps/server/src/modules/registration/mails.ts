import { pickLocale, type Locale, type LocalizedText } from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { enqueueMail, enqueueMails } from '../mail/mail.service';
import type { RenderedMail } from '../mail/templates';

export type RegistrationMailKind =
  | 'verify'
  | 'confirmed'
  | 'payment'
  | 'pending'
  | 'waitlisted'
  | 'offer'
  | 'cancelled'
  | 'rejected'
  | 'link';

export interface MailFacts {
  eventTitle: LocalizedText;
  name: string;
  reference: string;
  link: string;
  waitlistPosition?: number | null;
  offerDeadline?: string | null;
  reason?: string | null;
  /** A fee to pay (awaiting_payment): the deadline and the organiser's instructions. */
  payment?: { deadline: string; instructions: LocalizedText } | null;
}

/** The participant's mails, in Korean and English; the registration's locale picks one. */
export function renderRegistrationMail(
  kind: RegistrationMailKind,
  f: MailFacts,
  locale: Locale,
): RenderedMail {
  const title = pickLocale(f.eventTitle, locale);
  const ko = locale === 'ko';
  const signoff = ko
    ? `\n\n내 등록 페이지: ${f.link}\n등록 번호: ${f.reference}`
    : `\n\nYour registration page: ${f.link}\nRegistration number: ${f.reference}`;
  const reason = f.reason ? (ko ? `\n사유: ${f.reason}` : `\nReason: ${f.reason}`) : '';
  switch (kind) {
    case 'verify':
      return ko
        ? {
            subject: `[${title}] 이메일 주소를 확인해 주세요`,
            text: `${f.name}님, 등록해 주셔서 감사합니다.\n\n아래 링크를 열어 이메일 주소를 확인하면 등록이 완료되고 QR 입장권을 받으실 수 있습니다:\n${f.link}\n\n등록 번호: ${f.reference}`,
          }
        : {
            subject: `[${title}] Please confirm your email address`,
            text: `Dear ${f.name},\n\nThank you for registering. Open this link to confirm your email address; your registration page then shows your QR ticket:\n${f.link}\n\nRegistration number: ${f.reference}`,
          };
    case 'confirmed':
      return ko
        ? {
            subject: `[${title}] 등록이 확정되었습니다`,
            text: `${f.name}님, 등록이 확정되었습니다. 현장에서 QR 입장권을 보여 주세요. 입장권은 내 등록 페이지에서 내려받을 수 있습니다.${signoff}`,
          }
        : {
            subject: `[${title}] Your registration is confirmed`,
            text: `Dear ${f.name},\n\nYour registration is confirmed. Show your QR ticket at the registration desk; download it from your registration page.${signoff}`,
          };
    case 'payment': {
      // Item 10 (reg): the mail helper's template rewrite should carry this text over.
      const how = f.payment ? pickLocale(f.payment.instructions, locale) : '';
      const deadline = f.payment?.deadline ?? '-';
      return ko
        ? {
            subject: `[${title}] 등록비 납부를 기다립니다: ${deadline}까지`,
            text: `${f.name}님, 자리를 확보해 두었습니다. ${deadline}까지 등록비를 납부해 주세요. 송금 시 등록 번호 ${f.reference}를 적어 주세요. 기한까지 납부가 확인되지 않으면 자리가 다음 분께 넘어갑니다. 납부가 확인되면 QR 입장권을 보내 드립니다.${how ? `\n\n납부 방법:\n${how}` : ''}${signoff}`,
          }
        : {
            subject: `[${title}] Your place is held until payment: pay by ${deadline}`,
            text: `Dear ${f.name},\n\nYour place is held for you. Please pay the fee by ${deadline}, quoting your registration number ${f.reference}. If the payment has not been received by then, the place passes to the next person. Your QR ticket comes once the payment is received.${how ? `\n\nHow to pay:\n${how}` : ''}${signoff}`,
          };
    }
    case 'pending':
      return ko
        ? {
            subject: `[${title}] 등록 신청을 받았습니다`,
            text: `${f.name}님, 등록 신청을 받았습니다. 주최 측이 검토한 뒤 결과를 알려 드립니다.${signoff}`,
          }
        : {
            subject: `[${title}] We received your registration`,
            text: `Dear ${f.name},\n\nWe received your registration. The organisers will review it and let you know.${signoff}`,
          };
    case 'waitlisted':
      return ko
        ? {
            subject: `[${title}] 대기자 명단에 올랐습니다`,
            text: `${f.name}님, 정원이 찼습니다. 대기 순번은 ${f.waitlistPosition ?? '-'}번입니다. 자리가 나면 이메일로 알려 드립니다.${signoff}`,
          }
        : {
            subject: `[${title}] You are on the waiting list`,
            text: `Dear ${f.name},\n\nThe places are taken. You are number ${f.waitlistPosition ?? '-'} on the waiting list; we will email you when a place frees up.${signoff}`,
          };
    case 'offer':
      return ko
        ? {
            subject: `[${title}] 자리가 났습니다: ${f.offerDeadline}까지 수락하세요`,
            text: `${f.name}님, 대기하시던 자리가 났습니다. ${f.offerDeadline}까지 내 등록 페이지에서 수락하지 않으면 다음 대기자에게 넘어갑니다.${signoff}`,
          }
        : {
            subject: `[${title}] A place is free for you: accept by ${f.offerDeadline}`,
            text: `Dear ${f.name},\n\nA place has become free for you. Accept it on your registration page by ${f.offerDeadline}; after that it passes to the next person on the waiting list.${signoff}`,
          };
    case 'cancelled':
      return ko
        ? {
            subject: `[${title}] 등록이 취소되었습니다`,
            text: `${f.name}님, 등록이 취소되었습니다.${reason}${signoff}`,
          }
        : {
            subject: `[${title}] Your registration is cancelled`,
            text: `Dear ${f.name},\n\nYour registration has been cancelled.${reason}${signoff}`,
          };
    case 'rejected':
      return ko
        ? {
            subject: `[${title}] 등록이 승인되지 않았습니다`,
            text: `${f.name}님, 죄송하지만 등록이 승인되지 않았습니다.${reason}${signoff}`,
          }
        : {
            subject: `[${title}] Your registration was not approved`,
            text: `Dear ${f.name},\n\nWe are sorry: your registration was not approved.${reason}${signoff}`,
          };
    case 'link':
      return ko
        ? {
            subject: `[${title}] 내 등록 페이지 링크`,
            text: `${f.name}님, 요청하신 등록 페이지 링크입니다:\n${f.link}\n\n등록 번호: ${f.reference}`,
          }
        : {
            subject: `[${title}] The link to your registration`,
            text: `Dear ${f.name},\n\nHere is the link to your registration page, as asked:\n${f.link}\n\nRegistration number: ${f.reference}`,
          };
  }
}

export function registrationLink(runtime: Runtime, token: string): string {
  return `${runtime.config.publicUrl}/r/${token}`;
}

export function delegationLinkUrl(runtime: Runtime, token: string): string {
  return `${runtime.config.publicUrl}/d/${token}`;
}

/** Puts a participant's mail in the outbox in the transaction of the change. */
export async function mailParticipant(
  runtime: Runtime,
  uow: UnitOfWork,
  kind: RegistrationMailKind,
  to: ParticipantAddress,
  facts: MailFacts,
): Promise<void> {
  await mailParticipants(runtime, uow, [{ kind, to, facts }]);
}

export interface ParticipantAddress {
  email: string;
  locale: string;
  eventId: string;
}

/** Several participants' mails in one statement (a batch of registrations). */
export async function mailParticipants(
  runtime: Runtime,
  uow: UnitOfWork,
  mails: Array<{ kind: RegistrationMailKind; to: ParticipantAddress; facts: MailFacts }>,
): Promise<void> {
  if (!mails.length) return;
  await enqueueMails(
    runtime,
    uow,
    mails.map(({ kind, to, facts }) => ({
      ...renderRegistrationMail(kind, facts, to.locale === 'ko' ? 'ko' : 'en'),
      to: to.email,
      template: `registration.${kind}`,
      eventId: to.eventId,
    })),
  );
}

/** The group contact's mail with the link to manage the delegation. */
export async function mailDelegationContact(
  runtime: Runtime,
  uow: UnitOfWork,
  to: { email: string; locale: string; eventId: string },
  facts: { eventTitle: LocalizedText; name: string; delegation: string; members: number; link: string },
): Promise<void> {
  const ko = to.locale === 'ko';
  const title = pickLocale(facts.eventTitle, ko ? 'ko' : 'en');
  const mail = ko
    ? {
        subject: `[${title}] 대표단 "${facts.delegation}" 등록`,
        text: `${facts.name}님, 대표단 "${facts.delegation}"의 ${facts.members}명이 등록되었습니다. 아래 링크에서 대표단을 확인하고 관리할 수 있습니다:\n${facts.link}`,
      }
    : {
        subject: `[${title}] Delegation "${facts.delegation}" registered`,
        text: `Dear ${facts.name},\n\n${facts.members} members of the delegation "${facts.delegation}" are registered. See and manage the delegation here:\n${facts.link}`,
      };
  await enqueueMail(runtime, uow, {
    ...mail,
    to: to.email,
    template: 'registration.delegation',
    eventId: to.eventId,
  });
}
