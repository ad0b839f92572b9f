import type { z } from 'zod';
import type { MailTemplate } from './engine';
import { accountTemplates } from './accounts';
import { registrationTemplates } from './registration';
import { staffTemplates } from './staff';
import { visaTemplates } from './visa';
// papers (issue 11)
import { paperTemplates } from './papers';
import { decisionTemplates } from './decisions';
// agreements (issue 13)
import { agreementTemplates } from './agreements';

export * from './engine';

/**
 * Every mail the platform sends, one template per kind. A module adds its kinds here;
 * the snapshot test renders each in both languages and fails for a kind without one.
 */
export const mailTemplates = {
  ...registrationTemplates,
  ...visaTemplates,
  ...staffTemplates,
  ...accountTemplates,
  // papers (issue 11)
  ...paperTemplates,
  ...decisionTemplates,
  // agreements (issue 13)
  ...agreementTemplates,
};

export type MailKind = keyof typeof mailTemplates;
export const mailKinds = Object.keys(mailTemplates) as MailKind[];
export type MailValues<K extends MailKind> = z.input<(typeof mailTemplates)[K]['placeholders']>;

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(mailTemplates, kind);
}

export function templateOf(kind: MailKind): MailTemplate {
  return mailTemplates[kind];
}
