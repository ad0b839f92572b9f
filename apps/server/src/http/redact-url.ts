/**
 * A request URL as it may be written to the access log: the secret links of
 * participants (/r/<token>, /d/<token>), the staff links' ?token=, and secrets
 * inside a tRPC GET's ?input= JSON are replaced, since anyone who reads the
 * logs could otherwise open a registration or reset a password.
 */
const SECRET_PATH = /^(\/(?:r|d)\/)[^/?#]+/;
const SECRET_PARAM = /^(token|code|password|secret|key|api_?key|access_token)$/i;
/** "token":"..." and friends inside a JSON input, however quoted. */
const SECRET_JSON =
  /("(?:token|password|currentPassword|newPassword|secret|code)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

export const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q)).replace(SECRET_PATH, `$1${REDACTED}`);
  if (q === -1) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const [name, value] of [...params]) {
    if (SECRET_PARAM.test(name)) params.set(name, REDACTED);
    else if (name === 'input') params.set(name, value.replace(SECRET_JSON, `$1"${REDACTED}"`));
  }
  return `${path}?${params.toString()}`;
}
