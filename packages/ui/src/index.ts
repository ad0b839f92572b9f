export * from './trpc-client';
export * from './i18n';
export * from './dates';
export * from './localized';
export { pickLocale, type Locale, type LocalizedText } from '@plenary/contracts/schemas';
