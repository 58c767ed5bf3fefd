/**
 * What a server that answers 401 advertises about its authorization: the
 * `WWW-Authenticate` challenge and its RFC 9728 protected-resource metadata
 * (authorization servers, scopes), fetched within the server's bounds through
 * the same guarded agents. No login is ever attempted.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthInfo } from '../schemas/auth.ts';
import { exchange, readBody, type HttpContext } from './http.ts';

/** Caps on what is kept from hostile metadata. */
const MAX_METADATA_BYTES = 64 * 1024;
const MAX_ITEMS = 20;
const MAX_TEXT = 500;

/** The auth-params of the first challenge in `WWW-Authenticate` (scheme lower-cased). */
export function parseChallenge(value: string | undefined): { scheme?: string; params: Record<string, string> } {
  if (!value) return { params: {} };
  const text = value.slice(0, 4096);
  const scheme = /^\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)/.exec(text)?.[1];
  const params: Record<string, string> = {};
  const re = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = m[1].toLowerCase();
    if (!(key in params)) params[key] = (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]).slice(0, MAX_TEXT);
  }
  return { ...(scheme ? { scheme: scheme.toLowerCase() } : {}), params };
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.filter((v): v is string => typeof v === 'string').slice(0, MAX_ITEMS).map((v) => v.slice(0, MAX_TEXT));
  return out.length ? out : undefined;
}

/** The RFC 9728 well-known metadata URL of `resource`: the path goes after the well-known prefix. */
export function wellKnownMetadataUrl(resource: URL): URL {
  const path = resource.pathname === '/' ? '' : resource.pathname.replace(/\/$/, '');
  return new URL(`/.well-known/oauth-protected-resource${path}`, resource.origin);
}

/**
 * What a 401 advertises: the challenge's scheme, scope and `resource_metadata`
 * URL, and from that metadata (or the well-known URL when none is given) the
 * authorization servers and scopes. Failures to fetch are recorded, not thrown.
 */
export async function describeAuth(ctx: HttpContext, url: URL, headers: IncomingHttpHeaders): Promise<AuthInfo> {
  const raw = headers['www-authenticate'];
  const challenge = parseChallenge(Array.isArray(raw) ? raw[0] : raw);
  const info: AuthInfo = {};
  if (challenge.scheme) info.scheme = challenge.scheme;
  if (challenge.params.scope) info.scopes = challenge.params.scope.split(/\s+/).filter(Boolean).slice(0, MAX_ITEMS);
  let metadataUrl: URL;
  try {
    metadataUrl = challenge.params.resource_metadata ? new URL(challenge.params.resource_metadata, url) : wellKnownMetadataUrl(url);
  } catch {
    info.metadataError = 'the resource_metadata URL is invalid';
    return info;
  }
  if (metadataUrl.protocol !== 'https:' && metadataUrl.protocol !== 'http:') {
    info.metadataError = 'the resource_metadata URL is not http(s)';
    return info;
  }
  metadataUrl.hash = '';
  info.resourceMetadata = metadataUrl.href.slice(0, MAX_TEXT);
  try {
    const { res } = await exchange(ctx, metadataUrl, 'GET', { accept: 'application/json' });
    if (res.statusCode !== 200) {
      res.resume();
      info.metadataError = `HTTP ${res.statusCode}`;
      return info;
    }
    const meta = JSON.parse((await readBody(res, MAX_METADATA_BYTES, ctx.signal)).toString('utf8')) as Record<string, unknown>;
    if (!meta || typeof meta !== 'object') throw new Error('not an object');
    const servers = strings(meta.authorization_servers);
    const scopes = strings(meta.scopes_supported);
    if (typeof meta.resource === 'string') info.resource = meta.resource.slice(0, MAX_TEXT);
    if (servers) info.authorizationServers = servers;
    if (scopes) info.scopes = scopes;
  } catch (err) {
    info.metadataError = (err instanceof Error ? err.message : String(err)).slice(0, 200);
  }
  return info;
}
