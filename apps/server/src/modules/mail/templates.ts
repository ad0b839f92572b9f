import type { Locale } from '@plenary/contracts';

export interface RenderedMail {
  subject: string;
  text: string;
}

/** Staff mails. Each has its Korean and English text; the recipient's locale picks one. */
export const mailTemplates = {
  passwordReset: (p: { link: string; minutes: number }): Record<Locale, RenderedMail> => ({
    en: {
      subject: 'Reset your Plenary password',
      text: `Someone (hopefully you) asked to reset the password of your Plenary account.\n\nChoose a new password here within ${p.minutes} minutes:\n${p.link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.`,
    },
    ko: {
      subject: 'Plenary 비밀번호 재설정',
      text: `Plenary 계정의 비밀번호 재설정이 요청되었습니다.\n\n${p.minutes}분 안에 아래 링크에서 새 비밀번호를 정하세요:\n${p.link}\n\n요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.`,
    },
  }),
  teamInvitation: (p: {
    eventTitle: string;
    role: string;
    link: string;
    inviter: string;
    days: number;
  }): Record<Locale, RenderedMail> => ({
    en: {
      subject: `You are invited to the team of ${p.eventTitle}`,
      text: `${p.inviter} invited you to join the team of ${p.eventTitle} on Plenary as ${p.role}.\n\nAccept the invitation within ${p.days} days:\n${p.link}`,
    },
    ko: {
      subject: `${p.eventTitle} 운영팀 초대`,
      text: `${p.inviter}님이 Plenary에서 ${p.eventTitle} 운영팀(${p.role})으로 초대했습니다.\n\n${p.days}일 안에 초대를 수락하세요:\n${p.link}`,
    },
  }),
} as const;
