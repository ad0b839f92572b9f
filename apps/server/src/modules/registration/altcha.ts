import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { DomainError, domainMessage, type AltchaChallengeDto } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { countHits } from '../rate-limit/rate-limit.store';

/**
 * Proof of work on the public registration form (issue 8, "bots and abuse"),
 * self-hosted ALTCHA v2: the server signs a challenge whose answer is a counter
 * below `altchaMaxNumber` (deterministic mode), the browser finds it by trying
 * counters from 0 (about half the range on average), the register call brings it
 * back. Verifying costs one hash and one HMAC. A solved challenge is spent once:
 * its signature is counted in rate_limit_counters (shared by every process) until
 * the challenge expires, and a second use is refused. Partner and staff paths
 * take none: they are authenticated.
 */
export const ALTCHA_ALGORITHM = 'SHA-256';
/** A visitor may take this long to fill in the form after the widget solved it. */
const CHALLENGE_MINUTES = 30;
export const DEFAULT_ALTCHA_MAX_NUMBER = 100_000;

/** Two secrets of their own, derived from the server key (the same on every process). */
function secrets(runtime: Runtime): { signature: string; keySignature: string } {
  const derive = (label: string) =>
    createHmac('sha256', runtime.config.secretKey).update(`altcha:${label}`).digest('base64url');
  return { signature: derive('challenge'), keySignature: derive('key') };
}

export async function issueAltchaChallenge(runtime: Runtime): Promise<AltchaChallengeDto> {
  const max = runtime.config.altchaMaxNumber ?? DEFAULT_ALTCHA_MAX_NUMBER;
  const s = secrets(runtime);
  const challenge = await createChallenge({
    algorithm: ALTCHA_ALGORITHM,
    cost: 1,
    counter: randomInt(max),
    deriveKey,
    expiresAt: new Date(runtime.now().getTime() + CHALLENGE_MINUTES * 60_000),
    hmacSignatureSecret: s.signature,
    hmacKeySignatureSecret: s.keySignature,
  });
  if (!challenge.signature) throw new Error('altcha-lib returned an unsigned challenge');
  return { parameters: challenge.parameters, signature: challenge.signature };
}

function refuse(key: 'altchaRequired' | 'altchaInvalid'): DomainError {
  return new DomainError('INVALID_INPUT', { key }, { altcha: [domainMessage(key)] });
}

function decode(payload: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { challenge, solution } = parsed as { challenge?: Challenge; solution?: Solution };
    if (!challenge?.parameters || typeof challenge.signature !== 'string') return null;
    if (!solution || typeof solution.counter !== 'number' || typeof solution.derivedKey !== 'string')
      return null;
    return { challenge, solution };
  } catch {
    return null;
  }
}

/**
 * Checks a register call's proof of work and spends it. Refused with the field
 * `altcha`: missing, not ours, wrong, expired, or already used.
 */
export async function spendAltchaSolution(runtime: Runtime, payload: string | undefined): Promise<void> {
  if (runtime.config.altchaRequired === false) return;
  if (!payload) throw refuse('altchaRequired');
  const decoded = decode(payload);
  if (!decoded) throw refuse('altchaInvalid');
  // altcha-lib checks expiry against the system clock; ours is the runtime's.
  const now = runtime.now();
  const expiresAtMs = (decoded.challenge.parameters.expiresAt ?? 0) * 1000;
  if (expiresAtMs <= now.getTime()) throw refuse('altchaInvalid');
  const s = secrets(runtime);
  const result = await verifySolution({
    challenge: decoded.challenge,
    solution: decoded.solution,
    deriveKey,
    hmacSignatureSecret: s.signature,
    hmacKeySignatureSecret: s.keySignature,
  }).catch(() => null);
  if (!result?.verified) throw refuse('altchaInvalid');
  // Verified, so expiresAt is ours (signed) and in the future: keep the signature that long.
  const windowSeconds = Math.max(1, Math.ceil((expiresAtMs - now.getTime()) / 1000));
  const [spent] = await countHits(
    runtime.db,
    [{ bucket: `altcha:${decoded.challenge.signature}`, windowSeconds }],
    now,
  );
  if (!spent || spent.hits > 1) throw refuse('altchaInvalid');
}
