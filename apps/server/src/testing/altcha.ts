import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { AltchaChallengeDto } from '@plenary/contracts';

/**
 * Solves a challenge for real with altcha-lib, as the widget does in a browser,
 * and returns the payload the register call takes (base64 JSON).
 */
export async function solveAltcha(challenge: AltchaChallengeDto): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('the ALTCHA challenge was not solved in time');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Asks a running server for a challenge over HTTP and solves it: what a browser's widget does. */
export async function solvedAltchaFrom(base: string): Promise<string> {
  const res = await fetch(`${base}/trpc/portalRegistration.altchaChallenge`);
  if (!res.ok) throw new Error(`altchaChallenge answered ${res.status}`);
  const body = (await res.json()) as { result: { data: AltchaChallengeDto } };
  return solveAltcha(body.result.data);
}
