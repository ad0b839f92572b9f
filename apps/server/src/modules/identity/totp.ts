import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// One step of clock drift either way (30 s), as most authenticator apps need.
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/**
 * The 30-second time step a code belongs to, or null when it is wrong. Callers
 * record the step and refuse it the next time (RFC 6238 §5.2: no replay).
 */
export function totpStep(code: string, secret: string, now: Date = new Date()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now.getTime(), window: 1 }).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now.getTime() / 30_000) + delta;
}

/** The code an authenticator app shows at a moment (for tests and the demo). */
export function totpCodeFor(secret: string, at: Date = new Date()): string {
  return authenticator.clone({ epoch: at.getTime() }).generate(secret);
}

export async function totpEnrolment(email: string, secret: string) {
  const otpauthUrl = authenticator.keyuri(email, 'Plenary', secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 });
  return { secret, otpauthUrl, qrDataUrl };
}
