/** What may be written about a server's address and secrets: never credentials, query strings or values. */

/** `url` without user, password, query string and fragment; unparseable input becomes `(invalid URL)`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = u.password = u.search = u.hash = '';
    return u.href;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * The name of the scanner's environment variable that supplies a registry
 * server's secret: `MCP_CENSUS_<SERVER>_<NAME>`, upper-cased, every run of
 * other characters as `_`. Prefixed and per server so that a registry entry
 * can never name one of the scanner's own variables (`AWS_SECRET_ACCESS_KEY`).
 */
export function secretEnvName(server: string, name: string): string {
  return `MCP_CENSUS_${`${server}_${name}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
}

/** True when `value` holds a `${NAME}` reference that would be expanded from the scanner's environment. */
export function hasEnvRef(value: string): boolean {
  return /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(value);
}
