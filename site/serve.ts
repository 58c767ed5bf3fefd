/**
 * A small static file server for a built catalogue: GET/HEAD only, directory →
 * `index.html`, a real 404 with `404.html`, no path can leave the served folder,
 * policy JSON under `/policies/` downloads as an attachment, and every response
 * carries a strict Content-Security-Policy.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface ServeSiteOptions {
  /** The built site (`outDir` of `buildSite`). */
  dir: string;
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: only this machine. */
  host?: string;
}

export interface SiteServer {
  /** `http://host:port/`. */
  url: string;
  close(): Promise<void>;
}

/** The pages' CSP (as in their meta tag), plus what only a header can say. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.cedar': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The decoded path segments of a request URL, or null when the path is not one
 * this server will ever serve (bad encoding, `..`, encoded separators, NUL, dot files).
 */
export function requestSegments(rawUrl: string | undefined): { segments: string[]; trailingSlash: boolean } | null {
  let pathname: string;
  try {
    const raw = rawUrl ?? '/';
    // Origin-form targets (`/a/b`, even `//a/b`) are paths; only absolute-form targets carry a host.
    pathname = new URL(raw.startsWith('/') ? `http://localhost${raw}` : raw).pathname;
  } catch {
    return null;
  }
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg.startsWith('.') || seg.includes('/') || seg.includes('\\') || seg.includes('\0')) return null;
    segments.push(seg);
  }
  return { segments, trailingSlash: pathname.endsWith('/') };
}

function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function fileStat(path: string) {
  return stat(path).catch(() => undefined);
}

function baseHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  size: number,
  status: number,
  extra: Record<string, string> = {},
): Promise<void> {
  res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': size, 'Cache-Control': 'no-cache', ...extra });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}

async function notFound(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  const page = join(root, '404.html');
  const info = await fileStat(page);
  if (info?.isFile()) await sendFile(req, res, page, info.size, 404, { 'Cache-Control': 'no-store' });
  else sendText(req, res, 404, 'Not found\n');
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  baseHeaders(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(req, res, 405, 'Method not allowed\n');
    return;
  }
  const request = requestSegments(req.url);
  if (!request) {
    await notFound(req, res, root);
    return;
  }
  let file = join(root, ...request.segments);
  if (!isInside(file, root)) {
    await notFound(req, res, root);
    return;
  }
  let info = await fileStat(file);
  if (info?.isDirectory()) {
    if (!request.trailingSlash) {
      // Built from the checked segments only, so never `//host` (no open redirect).
      const location = `/${request.segments.map(encodeURIComponent).join('/')}/`;
      res.writeHead(301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : `Moved to ${location}\n`);
      return;
    }
    file = join(file, 'index.html');
    info = await fileStat(file);
  }
  if (!info?.isFile()) {
    await notFound(req, res, root);
    return;
  }
  // A symlink inside the folder must not lead outside it.
  const real = await realpath(file).catch(() => undefined);
  if (!real || !isInside(real, await realpath(root))) {
    await notFound(req, res, root);
    return;
  }
  const extra: Record<string, string> = {};
  if (request.segments[0] === 'policies' && ['.json', '.yaml', '.cedar'].includes(extname(file).toLowerCase())) {
    const name = basename(file).replace(/[^A-Za-z0-9._-]/g, '_');
    extra['Content-Disposition'] = `attachment; filename="${name}"`;
  }
  await sendFile(req, res, file, info.size, 200, extra);
}

/** Serves the built site in `opts.dir`; resolves once listening. */
export async function serveSite(opts: ServeSiteOptions): Promise<SiteServer> {
  const root = resolve(opts.dir);
  const info = await fileStat(root);
  if (!info?.isDirectory()) throw new Error(`Cannot serve ${root}: not a folder (build the site first)`);
  const host = opts.host ?? '127.0.0.1';

  const server = createServer((req, res) => {
    handle(req, res, root).catch((err: unknown) => {
      if (!res.headersSent) {
        baseHeaders(res);
        sendText(req, res, 500, 'Internal server error\n');
      } else {
        res.destroy(err instanceof Error ? err : undefined);
      }
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((err) => (err ? fail(err) : done()));
        server.closeAllConnections();
      }),
  };
}
