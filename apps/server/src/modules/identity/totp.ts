import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// One step of clock drift either way (30 s), as most authenticator apps need.
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function checkTotp(code: string, secret: string): boolean {
  return /^\d{6}$/.test(code) && authenticator.check(code, secret);
}

export function totpCodeFor(secret: string): string {
  return authenticator.generate(secret);
}

export async function totpEnrolment(email: string, secret: string) {
  const otpauthUrl = authenticator.keyuri(email, 'Plenary', secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 });
  return { secret, otpauthUrl, qrDataUrl };
}
