export * from './trpc-client';
export * from './i18n';
export * from './dates';
export {
  pickLocale,
  pickLocaleWithLang,
  type Locale,
  type LocalizedText,
  type LocalizedPick,
} from '@plenary/contracts/localized';
