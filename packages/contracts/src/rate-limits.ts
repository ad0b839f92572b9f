/**
 * Rate limits, declared on each procedure beside its access rule and enforced
 * once, in the one tRPC middleware, from counters in the database that every
 * server process shares. Every procedure a stranger can reach (public, an
 * emailed link, a partner key) declares at least one; a test enforces it.
 *
 * - per 'ip': the client address (as the host's trust-proxy setting resolves it).
 * - per 'link': the emailed link's secret (its hash).
 * - per 'apiKey': the partner key; max 'key' means the key's own limit (set when
 *   it was made) or the server's default.
 * - per { field }: the value of an input field (an email address, lower-cased),
 *   so one address cannot be flooded from many clients.
 * - onlyWith: the rule applies only when the input has this field (a code check).
 * - budget: procedures whose rules name the same budget count together (a
 *   partner key's requests a minute, whatever it calls); otherwise each
 *   procedure counts on its own.
 */
export interface RateLimitRule {
  per: 'ip' | 'link' | 'apiKey' | { field: string };
  max: number | 'key';
  windowSeconds: number;
  onlyWith?: string;
  budget?: string;
}

const MINUTE = 60;
const HOUR = 3600;

const ip = (max: number, windowSeconds: number): RateLimitRule => ({ per: 'ip', max, windowSeconds });

/** Guesses at an invitation code from one address, by the form check and register together. */
const codeGuess: RateLimitRule = { ...ip(10, 10 * MINUTE), onlyWith: 'invitationCode', budget: 'invitationCode' };

/**
 * The limits, named by what they protect. The figures are the strict defaults;
 * a test runtime may scale them (RuntimeConfig.rateLimitScale). Per-address
 * budgets allow a busy office or a conference venue behind one NAT.
 */
export const rateLimits = {
  /** Pages anyone may read: generous, only stops a scraper or a flood. */
  publicRead: [ip(300, MINUTE)],
  /** The registration form: reading it is cheap, but with a code it is a guess at the code. */
  registrationForm: [ip(300, MINUTE), codeGuess],
  /** A registration takes a place and sends a mail; with a code it is a guess too (one budget with the form). */
  register: [ip(20, 10 * MINUTE), { per: { field: 'email' }, max: 5, windowSeconds: HOUR }, codeGuess],
  /**
   * Proof-of-work challenges cost a signature each; a real visitor needs one per
   * attempt at the form (a new one after a refused register).
   */
  altchaChallenge: [ip(60, 10 * MINUTE)],
  /** Each resend mails the address: a few an hour per address. */
  resendLink: [ip(20, HOUR), { per: { field: 'email' }, max: 3, windowSeconds: HOUR }],
  /** Anonymous uploads fill the database until a registration claims them. */
  upload: [ip(30, HOUR)],
  /** Staff sign-in: the account throttle counts failures; this caps what one client tries. */
  signIn: [ip(60, 15 * MINUTE)],
  passwordResetRequest: [ip(10, HOUR), { per: { field: 'email' }, max: 3, windowSeconds: HOUR }],
  /** A reset or invitation token is long and random: this only stops a flood. */
  tokenUse: [ip(30, 10 * MINUTE)],
  /**
   * Asking for a sign-in code mails the address: a few an hour per address (no
   * mail bombing), and a cap per client (no trying address after address).
   */
  signInCodeRequest: [ip(30, HOUR), { per: { field: 'email' }, max: 5, windowSeconds: HOUR }],
  /**
   * Each code also dies after a few wrong tries; these stop guessing across codes
   * (a million codes, ten tries an address in ten minutes).
   */
  signInCodeCheck: [ip(60, 10 * MINUTE), { per: { field: 'email' }, max: 10, windowSeconds: 10 * MINUTE }],
  /** A signed-in participant's own pages: anyone can become one, so a flood cap. */
  personHolder: [ip(300, MINUTE)],
  /** A participant's or delegation contact's own pages. */
  linkHolder: [ip(300, MINUTE), { per: 'link', max: 120, windowSeconds: MINUTE }],
  /** Confirming the address sends no mail but changes the registration. */
  verifyEmail: [ip(60, 10 * MINUTE), { per: 'link', max: 10, windowSeconds: 10 * MINUTE }],
  /** The partner API: the key's own limit per minute, and a cap per client without a valid key. */
  partner: [
    { ...ip(600, MINUTE), budget: 'partner' },
    { per: 'apiKey', max: 'key', windowSeconds: MINUTE, budget: 'partner' },
  ],
} satisfies Record<string, readonly RateLimitRule[]>;

/** What the middleware asks the server to count: one bucket per rule that applies. */
export interface RateLimitHit {
  bucket: string;
  max: number;
  windowSeconds: number;
}
