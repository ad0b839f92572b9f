import type { PublicEventDto } from '@plenary/contracts/schemas';

/**
 * The part of the tRPC client the portal calls. main.ts sets the real client; tests
 * set a plain object with the same shape, so no module of ours needs mocking.
 */
export interface PortalApi {
  portal: {
    events: { query(): Promise<PublicEventDto[]> };
    event: { query(input: { slug: string }): Promise<PublicEventDto> };
  };
}

let current: PortalApi | null = null;

export function setPortalApi(api: PortalApi): void {
  current = api;
}

export function portalApi(): PortalApi {
  if (!current) throw new Error('setPortalApi() must be called before the portal talks to the server');
  return current;
}
