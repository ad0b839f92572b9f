import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';
import { isPublicAddress, publicOnlyLookup } from './receiver-address';

// Only the decision and the lookup are exercised: nothing here connects anywhere.

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1',
    '0x7f.0.0.1',
    '2130706433',
    '0.0.0.0',
    '0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '198.18.0.1',
    '192.0.2.10',
    '224.0.0.1',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '[::]',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '[::ffff:127.0.0.1]',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '[::127.0.0.1]',
    '::ffff:0:127.0.0.1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::808:808',
    '2002:7f00:1::',
    '2001::1',
    '2001:db8::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fec0::1',
    'ff02::1',
    'localhost',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '::ffff:8.8.8.8',
    '[::ffff:8.8.8.8]',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

function lookupWith(answer: LookupAddress[], options: { all?: boolean; family?: number } = {}) {
  const lookup = publicOnlyLookup((_host, cb) => cb(null, answer));
  return new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
    lookup('receiver.example', options, (err, address, family) => resolve({ err, address, family })),
  );
}

describe('publicOnlyLookup', () => {
  it('hands the connection the address it checked', async () => {
    expect(await lookupWith([{ address: '8.8.8.8', family: 4 }])).toEqual({
      err: null,
      address: '8.8.8.8',
      family: 4,
    });
    expect(
      await lookupWith(
        [
          { address: '2001:4860:4860::8888', family: 6 },
          { address: '8.8.8.8', family: 4 },
        ],
        { all: true },
      ),
    ).toEqual({
      err: null,
      address: [
        { address: '2001:4860:4860::8888', family: 6 },
        { address: '8.8.8.8', family: 4 },
      ],
      family: undefined,
    });
  });

  it('refuses a name when any of its addresses is private', async () => {
    const result = await lookupWith([
      { address: '8.8.8.8', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    expect(result.err?.message).toBe("The receiver's address 127.0.0.1 is on a private network");
    expect((await lookupWith([{ address: '::ffff:7f00:1', family: 6 }], { all: true })).err?.message).toBe(
      "The receiver's address ::ffff:7f00:1 is on a private network",
    );
  });

  it('refuses localhost through the system resolver', async () => {
    const lookup = publicOnlyLookup();
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', {}, (e) => resolve(e)),
    );
    expect(err?.message).toMatch(/^The receiver's address (127\.0\.0\.1|::1) is on a private network$/);
  });
});

describe('PLENARY_WEBHOOKS_ALLOW_PRIVATE', () => {
  it('is off unless set, whatever NODE_ENV and PUBLIC_URL are', () => {
    expect(parseEnv({}).PLENARY_WEBHOOKS_ALLOW_PRIVATE).toBe(false);
    expect(parseEnv({ NODE_ENV: 'development' }).PLENARY_WEBHOOKS_ALLOW_PRIVATE).toBe(false);
    expect(parseEnv({ PLENARY_WEBHOOKS_ALLOW_PRIVATE: 'true' }).PLENARY_WEBHOOKS_ALLOW_PRIVATE).toBe(true);
  });
});
