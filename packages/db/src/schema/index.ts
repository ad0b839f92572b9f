export * from './identity';
export * from './events';
export * from './audit';
export * from './mail';
export * from './organisations';
export * from './people';
export * from './partners';
export * from './registration';
export * from './jobs';
export * from './rate-limits';
export * from './domain-events';
export * from './accounts';
export * from './files';
// B2B export fair (issue 14).
export * from './b2b';
// papers (issue 11): call for papers and submissions
export * from './papers';
// decisions (issue 11 §4)
export * from './decisions';
// agreements (issue 13)
export * from './agreements';
// review (issue 11 §3): reviewers, conflicts, assignments
export * from './review';
export * from './agreement-signing';
