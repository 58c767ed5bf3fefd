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

/** The mark left where a secret was. */
export const REDACTED = '<redacted>';

const SECRET_NAME = /(token|key|secret|passw|pwd|auth|credential|bearer|cookie|session|signature)/i;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** URLs inside `text` without credentials, query strings or fragments. */
function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    try {
      const u = new URL(url);
      if (!u.username && !u.password && !u.search && !u.hash) return url;
      u.username = u.password = u.search = u.hash = '';
      return u.href;
    } catch {
      return url;
    }
  });
}

/**
 * Command-line arguments as they may be written: URLs lose credentials and
 * query strings, values of secret-looking flags (`--api-key=…`, `--token …`)
 * and of env assignments (`-e NAME=…`, `NAME=…` with a secret-looking name)
 * become `<redacted>`.
 */
export function redactArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const prev = i > 0 ? args[i - 1] : '';
    const flagWithValue = /^(-{1,2}[A-Za-z0-9_.-]+)=(.*)$/s.exec(arg);
    if (flagWithValue && SECRET_NAME.test(flagWithValue[1])) out.push(`${flagWithValue[1]}=${REDACTED}`);
    else if (/^-{1,2}[A-Za-z0-9_.-]+$/.test(prev) && !arg.startsWith('-') && (SECRET_NAME.test(prev) || prev === '-e' || prev === '--env')) {
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg);
      out.push(assign ? `${assign[1]}=${REDACTED}` : SECRET_NAME.test(prev) ? REDACTED : redactUrlsIn(arg));
    } else {
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
      out.push(assign && SECRET_NAME.test(assign[1]) ? `${assign[1]}=${REDACTED}` : redactUrlsIn(arg));
    }
  }
  return out;
}
