import { eventNameInSentence } from './event-name';
import type { Locale } from '@plenary/contracts';
import type { RenderedMail } from '../mail/templates';

/** The participant learns the outcome of their visa letter request, in their language. */
export function visaDecisionMail(p: {
  approved: boolean;
  name: string;
  eventTitle: string;
  reason: string | null;
}): Record<Locale, RenderedMail> {
  if (p.approved) {
    return {
      en: {
        subject: `Your visa invitation letter for ${eventNameInSentence(p.eventTitle)} is ready`,
        text: `Dear ${p.name},\n\nYour request for a visa invitation letter for ${eventNameInSentence(p.eventTitle)} has been approved.\n\nDownload the letter from your registration page: open the link in your registration email.${p.reason ? `\n\nNote from the organiser: ${p.reason}` : ''}`,
      },
      ko: {
        subject: `${p.eventTitle} 비자 초청장이 발급되었습니다`,
        text: `${p.name}님,\n\n${p.eventTitle} 비자 초청장 요청이 승인되었습니다.\n\n등록 확인 메일의 링크로 등록 페이지를 열어 초청장을 내려받으세요.${p.reason ? `\n\n주최 측 메모: ${p.reason}` : ''}`,
      },
    };
  }
  return {
    en: {
      subject: `Your visa invitation letter request for ${eventNameInSentence(p.eventTitle)}`,
      text: `Dear ${p.name},\n\nWe cannot issue a visa invitation letter for ${eventNameInSentence(p.eventTitle)} on the request you sent.\n\nReason: ${p.reason ?? ''}\n\nYou may send a corrected request from your registration page (the link in your registration email).`,
    },
    ko: {
      subject: `${p.eventTitle} 비자 초청장 요청 결과`,
      text: `${p.name}님,\n\n보내 주신 요청으로는 ${p.eventTitle} 비자 초청장을 발급할 수 없습니다.\n\n사유: ${p.reason ?? ''}\n\n등록 확인 메일의 링크로 등록 페이지를 열어 내용을 고쳐 다시 요청할 수 있습니다.`,
    },
  };
}
