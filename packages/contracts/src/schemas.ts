// Schemas only (no tRPC): what the Vue apps import to validate forms with the same rules as the server.
export * from './localized';
export * from './messages';
export * from './domains/common';
export * from './domains/auth';
export * from './domains/events';
export * from './domains/team';
export * from './domains/audit';
export * from './domains/mail';
export * from './domains/jobs';
export * from './domains/domain-events';
export * from './access';
export * from './rate-limits';
export * from './errors';
export * from './domain-messages';
export * from './domains/files';
export * from './domains/registration/index';
export * from './domains/partners';
export * from './domains/webhooks';
export * from './domains/desk';
export * from './domains/exports';
export * from './domains/organisations';
export * from './domains/accounts';
export * from './domains/people';
// B2B export fair (issue 14).
export * from './domains/b2b';
export * from './domains/b2b-schedule';
export * from './domains/b2b-api';
export * from './domains/my-b2b';
// papers (issue 11)
export * from './domains/papers';
// review (issue 11 §3)
export * from './domains/review';
export * from './domains/decisions';
// agreements (issue 13)
export * from './domains/agreements';
export * from './domains/agreement-signing';
