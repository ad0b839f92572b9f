import { z } from 'zod';
import { defineTemplate, localized } from './engine';

// Mails to staff (team) and about their accounts.
export const staffTemplates = {
  passwordReset: defineTemplate({
    kind: 'passwordReset',
    placeholders: z.object({ link: z.url(), minutes: z.number().int() }),
    sample: { link: 'https://plenary.example/admin/reset-password?token=sample', minutes: 30 },
    defaults: {
      en: {
        subject: 'Reset your Plenary password',
        text: 'Someone (hopefully you) asked to reset the password of your Plenary account.\n\nChoose a new password here within {{minutes}} minutes:\n{{link}}\n\nIf you did not ask for this, ignore this message: your password stays as it is.',
      },
      ko: {
        subject: 'Plenary 비밀번호 재설정',
        text: 'Plenary 계정의 비밀번호 재설정이 요청되었습니다.\n\n{{minutes}}분 안에 아래 링크에서 새 비밀번호를 정하세요:\n{{link}}\n\n요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.',
      },
    },
  }),
  teamInvitation: defineTemplate({
    kind: 'teamInvitation',
    placeholders: z.object({
      eventTitle: localized,
      role: localized,
      link: z.url(),
      inviter: z.string(),
      days: z.number().int(),
    }),
    sample: {
      eventTitle: { ko: '제18차 TCI 글로벌 컨퍼런스', en: '18th TCI Global Conference' },
      role: { ko: '스태프', en: 'Staff' },
      link: 'https://plenary.example/admin/invitation?token=sample',
      inviter: 'Sujin Lee',
      days: 7,
    },
    defaults: {
      en: {
        subject: 'You are invited to the team of {{eventTitle}}',
        text: '{{inviter}} invited you to join the team of {{eventTitle}} on Plenary as {{role}}.\n\nAccept the invitation within {{days}} days:\n{{link}}',
      },
      ko: {
        subject: '{{eventTitle}} 운영팀 초대',
        text: '{{inviter}}님이 Plenary에서 {{eventTitle}} 운영팀({{role}})으로 초대했습니다.\n\n{{days}}일 안에 초대를 수락하세요:\n{{link}}',
      },
    },
  }),
};
