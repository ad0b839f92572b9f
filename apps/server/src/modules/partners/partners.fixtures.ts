import type { ApiScope } from '@plenary/contracts';
import type { TestHarness } from '../../testing/harness';
import { createPartner, issueApiKey } from './partners.service';

/** A partner organisation with a key, as an operator would set them up on the command line. */
export async function partnerWithKey(
  h: TestHarness,
  p: { name: string; eventId: string | null; scopes: ApiScope[]; requestsPerMinute?: number },
): Promise<{ partnerId: string; apiKeyId: string; key: string }> {
  const partner = await createPartner(h.runtime, 'cli', { name: p.name, contactEmail: null });
  const { apiKey, key } = await issueApiKey(h.runtime, 'cli', {
    partnerId: partner.id,
    eventId: p.eventId,
    name: `${p.name} sync`,
    scopes: p.scopes,
    requestsPerMinute: p.requestsPerMinute ?? null,
  });
  return { partnerId: partner.id, apiKeyId: apiKey.id, key };
}

export const allScopes: ApiScope[] = ['events:read', 'registrations:read', 'registrations:write'];
