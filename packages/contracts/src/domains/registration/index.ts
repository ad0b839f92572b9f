export * from './countries';
export * from './form';
export * from './setup';
export * from './registrations';
export * from './portal';
export * from './delegations';
export * from './names';
export * from './options';
