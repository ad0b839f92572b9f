import { computed, onScopeDispose, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { z } from 'zod';
import { apiErrorInfo, localizedFieldErrors, serverSentence, type ApiErrorInfo, type Locale } from '@plenary/ui';
import { useSessionLoss } from './session';

type Translate = ReturnType<typeof useI18n>['t'];

const knownCodes = new Set([
  'UNAUTHENTICATED',
  'SECOND_FACTOR_REQUIRED',
  'FORBIDDEN',
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'INVALID_STATE',
  'INVALID_CREDENTIALS',
  'TOKEN_INVALID',
  'TOO_MANY_ATTEMPTS',
  'PAYLOAD_TOO_LARGE',
  'NETWORK',
]);

/**
 * Dotted path -> messages, as the contracts' zodFieldErrors words them; written out here
 * because the module that holds that one declares schemas, which would bring zod to the
 * sign-in page (lib/console-kit.ts).
 */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The interface language, which the schemas' validation messages follow too; read from
 * <html lang> (rememberLocale keeps it), not from the schemas' module, so that this file
 * does not bring zod to the sign-in page.
 */
function interfaceLocale(): Locale {
  return document.documentElement.lang === 'en' ? 'en' : 'ko';
}

/** "30 seconds" / "2 minutes" (rounded up), in the current language. */
export function waitText(t: Translate, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 60 ? t('time.seconds', s) : t('time.minutes', Math.ceil(s / 60));
}

/**
 * One sentence for an API error in the user's language. The server's own message
 * is shown only for a conflict or a state error, where it names the clash.
 */
export function describeError(t: Translate, info: ApiErrorInfo, secondsLeft?: number): string {
  if (info.code === 'TOO_MANY_ATTEMPTS') {
    const wait = secondsLeft ?? info.retryAfterSeconds;
    return wait && wait > 0
      ? t('errors.TOO_MANY_ATTEMPTS_WAIT', { time: waitText(t, wait) })
      : t('errors.TOO_MANY_ATTEMPTS');
  }
  if (info.code === 'CONFLICT' || info.code === 'INVALID_STATE') {
    // The server's words name the clash; in Korean only when it sent them by key.
    const detail = serverSentence(info, interfaceLocale());
    return detail ? `${t(`errors.${info.code}`)} (${detail})` : t(`errors.${info.code}`);
  }
  return knownCodes.has(info.code) ? t(`errors.${info.code}`) : t('errors.INTERNAL');
}

/**
 * Error state of one form: a sentence for the whole form, messages per field
 * (keyed by the dotted input path the server reports), and a throttling
 * countdown while the server refuses further attempts. `validate` checks the
 * input with the procedure's own contract schema before anything is sent, so
 * field messages are in the person's language; the server answers in English.
 */
export function useFormErrors() {
  const { t } = useI18n();
  const sessionLost = useSessionLoss();
  const info = ref<ApiErrorInfo | null>(null);
  const retryUntil = ref(0);
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  /** The input last checked in the browser, to word the server's verdict on the same fields (see capture). */
  let checked: { schema: z.ZodType; input: unknown } | null = null;

  function stopTimer() {
    if (timer) clearInterval(timer);
    timer = null;
  }
  onScopeDispose(stopTimer);

  const secondsLeft = computed(() => Math.max(0, Math.ceil((retryUntil.value - now.value) / 1000)));
  const throttled = computed(() => secondsLeft.value > 0);

  const message = computed(() => {
    if (!info.value) return null;
    if (info.value.code === 'TOO_MANY_ATTEMPTS') {
      return describeError(
        t,
        info.value,
        info.value.retryAfterSeconds !== undefined ? secondsLeft.value : undefined,
      );
    }
    if (info.value.code === 'INVALID_INPUT' && Object.keys(info.value.fieldErrors).some((k) => k !== '_')) {
      return t('errors.CHECK_FIELDS');
    }
    return describeError(t, info.value);
  });

  /** Takes an error from an API call; returns its parsed form. A lost session sends the user to sign in (and back). */
  function capture(err: unknown): ApiErrorInfo {
    const parsed = apiErrorInfo(err);
    parsed.fieldErrors = inPersonsLanguage(parsed);
    info.value = parsed;
    sessionLost(parsed);
    if (parsed.code === 'TOO_MANY_ATTEMPTS' && parsed.retryAfterSeconds) {
      retryUntil.value = Date.now() + parsed.retryAfterSeconds * 1000;
      now.value = Date.now();
      stopTimer();
      timer = setInterval(() => {
        now.value = Date.now();
        if (now.value >= retryUntil.value) stopTimer();
      }, 1000);
    }
    return parsed;
  }

  /**
   * The server's field messages in the console's language: the browser's own
   * message for the same field of an invalid input when it has one; otherwise,
   * on a Korean page, the error's own sentence when the server sent it by key
   * (an error without a key keeps the server's words).
   */
  function inPersonsLanguage(info: ApiErrorInfo): Record<string, string[]> {
    const local = info.code === 'INVALID_INPUT' ? browserFieldErrors() : {};
    const locale = interfaceLocale();
    const worded =
      locale !== 'en' && info.messageWords ? localizedFieldErrors(info, locale) : info.fieldErrors;
    return Object.fromEntries(
      Object.entries(info.fieldErrors).map(([path, list]) => [path, local[path] ?? worded[path] ?? list]),
    );
  }

  /** The browser's messages for the input last checked, by field (none when it passed). */
  function browserFieldErrors(): Record<string, string[]> {
    if (!checked) return {};
    const result = checked.schema.safeParse(checked.input);
    return result.success ? {} : fieldErrorsOf(result.error);
  }

  /**
   * Checks a form's input with the contract schema its procedure uses (the
   * messages are in the validation locale, which follows the interface
   * language). On failure marks the fields and returns null: send nothing.
   * On success returns the parsed value, ready to send.
   */
  function validate<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> | null {
    checked = { schema, input };
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    const fieldErrors = fieldErrorsOf(result.error);
    info.value = { code: 'INVALID_INPUT', message: result.error.issues[0]?.message ?? '', fieldErrors };
    return null;
  }

  function clear() {
    info.value = null;
    checked = null;
  }

  /** The messages for one field (dotted path such as "title.ko"), joined, or undefined. */
  function field(path: string): string | undefined {
    const list = info.value?.fieldErrors[path];
    return list?.length ? list.join(' ') : undefined;
  }

  /**
   * Adds a message found in the browser (e.g. passwords that differ) to one
   * field, keeping what validate found, so the person sees every problem at once.
   */
  function setField(path: string, text: string) {
    const fieldErrors = info.value?.code === 'INVALID_INPUT' ? { ...info.value.fieldErrors } : {};
    fieldErrors[path] = [...(fieldErrors[path] ?? []), text];
    info.value = { code: 'INVALID_INPUT', message: text, fieldErrors };
  }

  return { message, field, setField, validate, capture, clear, throttled, secondsLeft };
}
