import { z } from 'zod';
import type { Locale } from './localized';

/**
 * Every validation message of the contracts, in Korean and English. Schemas use
 * msg(key) as their zod `error`, so a message is worded when an issue is raised,
 * in the validation locale: English on the server (the API's language), the
 * person's language in the browser, which validates with the same schemas before
 * anything is sent.
 */
const messages = {
  required: { en: 'Required', ko: '필수 항목입니다' },
  passwordMissing: { en: 'Enter your password', ko: '비밀번호를 입력하세요' },
  secondFactorCode: {
    en: 'Enter the 6-digit code or a recovery code',
    ko: '6자리 코드나 복구 코드를 입력하세요',
  },
  totpCode: { en: 'Enter the 6-digit code from your app', ko: '앱에 표시된 6자리 코드를 입력하세요' },
  signInCode: { en: 'Enter the 6-digit code from the email', ko: '메일로 받은 6자리 코드를 입력하세요' },
  id: { en: 'Must be a valid id', ko: '올바른 ID가 아닙니다' },
  emailTooLong: {
    en: 'An email address has at most 254 characters',
    ko: '이메일 주소는 254자 이하여야 합니다',
  },
  email: { en: 'Enter a valid email address', ko: '올바른 이메일 주소를 입력하세요' },
  passwordTooShort: { en: 'A password has at least 10 characters', ko: '비밀번호는 10자 이상이어야 합니다' },
  passwordTooLong: { en: 'A password has at most 200 characters', ko: '비밀번호는 200자 이하여야 합니다' },
  tooLong: { en: 'At most {max} characters', ko: '{max}자 이하로 입력하세요' },
  koreanOrEnglish: { en: 'Give the text in Korean or English', ko: '한국어나 영어로 입력하세요' },
  dateTime: { en: 'Must be an ISO 8601 date-time with offset', ko: '날짜와 시간이 올바르지 않습니다' },
  timeZone: {
    en: 'Must be an IANA time zone such as Asia/Seoul',
    ko: 'Asia/Seoul 같은 IANA 시간대를 고르세요',
  },
  slugTooShort: { en: 'A slug has at least 3 characters', ko: '주소 이름은 3자 이상이어야 합니다' },
  slugTooLong: { en: 'A slug has at most 64 characters', ko: '주소 이름은 64자 이하여야 합니다' },
  slugFormat: {
    en: 'Use lower-case letters, digits and single hyphens',
    ko: '영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다',
  },
  website: { en: 'Enter an address starting with https://', ko: 'https://로 시작하는 주소를 입력하세요' },
  mergeIntoItself: {
    en: 'An organisation cannot be merged into itself',
    ko: '같은 기관끼리는 합칠 수 없습니다',
  },
  // agreement signing (issue 13)
  sha256Hex: { en: 'A SHA-256 is 64 lower-case hex digits', ko: 'SHA-256 값은 64자리 소문자 16진수입니다' },
  signatureTooLarge: {
    en: 'The drawn signature is too large: clear the pad and sign again',
    ko: '그린 서명이 너무 큽니다. 지우고 다시 서명하세요',
  },
  documentCode: { en: 'A document code looks like PLN-XXXX-XXXX-XXXX', ko: '문서 코드는 PLN-XXXX-XXXX-XXXX 형식입니다' },
  codeOrFile: { en: 'Give either the document code or the PDF file', ko: '문서 코드나 PDF 파일 가운데 하나를 주세요' },
  signatureNotPng: { en: 'A drawn signature must be a PNG image', ko: '그린 서명은 PNG 이미지여야 합니다' },
  endBeforeStart: { en: 'The end must not be before the start', ko: '종료가 시작보다 앞설 수 없습니다' },
  name: { en: 'Enter a name', ko: '이름을 입력하세요' },
  personName: { en: 'Enter the name without control characters', ko: '이름에 쓸 수 없는 문자가 있습니다' },
  romanName: {
    en: 'Write the name in Roman letters, as in your passport (for example Hong Gil-dong)',
    ko: '여권에 적힌 대로 로마자(영문)로 입력하세요 (예: Hong Gil-dong)',
  },
  country: { en: 'Choose a country', ko: '국가를 고르세요' },
  phone: {
    en: 'Enter a phone number with its country code, e.g. +82 53 601 5000',
    ko: '국가 번호를 포함한 전화번호를 입력하세요 (예: +82 53 601 5000)',
  },
  choiceUnknown: { en: 'Choose one of the offered answers', ko: '제시된 답 가운데에서 고르세요' },
  date: { en: 'Enter a date as YYYY-MM-DD', ko: '날짜를 YYYY-MM-DD 형식으로 입력하세요' },
  mustAccept: { en: 'You must accept this to register', ko: '등록하려면 동의해야 합니다' },
  optionsOverlap: {
    en: '{a} and {b} take place at the same time: choose one',
    ko: '{a}와(과) {b}는 시간이 겹칩니다. 하나만 고르세요',
  },
  optionsExclusive: {
    en: 'Choose at most one of {a} and {b}',
    ko: '{a}와(과) {b} 가운데 하나만 고를 수 있습니다',
  },
  duplicateOptions: { en: 'Each option can be chosen once', ko: '같은 선택 항목을 두 번 고를 수 없습니다' },
  duplicate: { en: 'Each item can be chosen once', ko: '같은 항목을 두 번 고를 수 없습니다' },
  colour: { en: 'Use a colour like #1f6feb', ko: '#1f6feb 같은 색상 값을 입력하세요' },
  currency: {
    en: 'Use a three-letter currency code such as KRW',
    ko: 'KRW 같은 세 글자 통화 코드를 입력하세요',
  },
  code: { en: 'Use letters, digits and hyphens (2–40)', ko: '영문자, 숫자, 하이픈으로 2–40자를 입력하세요' },
  requestsPerMinute: {
    en: 'A whole number of requests a minute, from 1 to 100000',
    ko: '분당 요청 수를 1에서 100000 사이의 정수로 입력하세요',
  },
  capacity: { en: 'A whole number of places, 0 or more', ko: '0 이상의 정수를 입력하세요' },
  // B2B export fair (issue 14).
  hsCode: {
    en: 'An HS code has 2, 4 or 6 digits, such as 8708',
    ko: 'HS 코드는 8708처럼 2, 4, 6자리 숫자입니다',
  },
  clockTime: { en: 'Use a time such as 09:30', ko: '09:30 같은 시각을 입력하세요' },
  language: { en: 'Use a two-letter language code such as en', ko: 'en 같은 두 글자 언어 코드를 입력하세요' },
  timeOrder: { en: 'The end comes after the start', ko: '종료 시각은 시작 시각보다 늦어야 합니다' },
  priceOrder: {
    en: 'The lower price is at most the higher one',
    ko: '최저 가격은 최고 가격 이하여야 합니다',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

let current: Locale = 'en';

/**
 * The language of validation messages in this process: both ours and zod's own
 * (for an unexpected type, say). The browser sets it with the interface
 * language; the server leaves it in English.
 */
export function setValidationLocale(locale: Locale): void {
  current = locale;
  z.config(locale === 'ko' ? z.locales.ko() : z.locales.en());
}

/** The language validation messages are worded in (the interface language in the browser). */
export function validationLocale(): Locale {
  return current;
}

/** A message in a language, with {placeholders} filled in. */
export function message(
  key: MessageKey,
  params: Record<string, string | number> = {},
  locale: Locale = current,
): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

/** A zod `error` that words the message when the issue is raised, in the current validation locale. */
export function msg(key: MessageKey, params?: Record<string, string | number>): () => string {
  return () => message(key, params);
}
