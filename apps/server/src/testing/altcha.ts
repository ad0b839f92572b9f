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
