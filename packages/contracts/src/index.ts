export * from './schemas';
export * from './context';
export type { Services } from './services';
export { appRouter, type AppRouter } from './router';
export { createCallerFactory, procedure, router, type Meta } from './trpc';
