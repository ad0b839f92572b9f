export * from './identity';
export * from './events';
export * from './audit';
export * from './mail';
export * from './partners';
export * from './registration';
export * from './jobs';
export * from './rate-limits';
