// The MCP Registry source against a local registry answering in the real API's shapes.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadRegistry } from '../../scanner/sources/registry.ts';
import { SourceError } from '../../scanner/sources/errors.ts';
import { scan } from '../../scanner/run.ts';
import { ServerResultSchema } from '../../scanner/schemas/index.ts';
import { entry, registryServer } from '../helpers/registry.ts';
import { streamableHttpServer, syntheticTools } from '../helpers/mcp-servers.ts';
import { projectPath } from '../helpers/scan.ts';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', projectPath('scanner/cli.ts'), ...args], { cwd: projectPath() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

const closers: (() => Promise<void>)[] = [];
after(() => Promise.all(closers.map((c) => c())));

async function registry(...args: Parameters<typeof registryServer>) {
  const r = await registryServer(...args);
  closers.push(r.close);
  return r;
}

const remote = (name: string, url = `https://${name.split('/')[1]}.example.com/mcp`, extra: Record<string, unknown> = {}) => ({
  name,
  remotes: [{ type: 'streamable-http', url, ...extra }],
});

describe('MCP Registry source', () => {
  it('pages by metadata.nextCursor and keeps the latest active version of each server', async () => {
    const reg = await registry({
      entries: [
        entry(remote('io.github.acme/notes'), { isLatest: false, publishedAt: '2026-01-01T00:00:00Z' }),
        entry({ ...remote('io.github.acme/notes'), version: '1.1.0' }, { isLatest: true, publishedAt: '2026-02-01T00:00:00Z' }),
        entry(remote('io.github.acme/old'), { status: 'deprecated' }),
        entry(remote('io.github.acme/gone'), { status: 'deleted' }),
        entry({ ...remote('io.github.acme/nolatest'), version: '2.0.0' }, { isLatest: undefined, publishedAt: '2026-03-01T00:00:00Z' }),
        entry({ ...remote('io.github.acme/nolatest'), version: '1.0.0' }, { isLatest: undefined, publishedAt: '2026-01-01T00:00:00Z' }),
        entry({ ...remote('io.github.acme/back'), version: '3.0.0' }, { status: 'deleted', publishedAt: '2026-05-01T00:00:00Z' }),
        entry({ ...remote('io.github.acme/back'), version: '2.0.0' }, { isLatest: false, publishedAt: '2026-04-01T00:00:00Z' }),
      ],
    });
    const got = await loadRegistry({ url: reg.base, allowPrivate: true, pageSize: 3 });
    assert.equal(got.pages, 3);
    assert.deepEqual(reg.requests.map((r) => new URL(r.split(' ')[1], 'http://x').pathname), ['/v0.1/servers', '/v0.1/servers', '/v0.1/servers']);
    const cursors = reg.requests.map((r) => new URL(r.split(' ')[1], 'http://x').searchParams.get('cursor'));
    assert.equal(cursors[0], null);
    assert.ok(cursors[1] && cursors[2] && cursors[1] !== cursors[2]);
    const versions = Object.fromEntries(got.targets.map((t) => [t.id, t.origin?.source === 'registry' ? t.origin.version : '']));
    assert.deepEqual(versions, { 'io.github.acme/notes': '1.1.0', 'io.github.acme/nolatest': '2.0.0', 'io.github.acme/back': '2.0.0' });
    assert.deepEqual(
      got.skipped.map((s) => [s.id, s.reason]).sort(),
      [
        ['io.github.acme/gone', 'no active version'],
        ['io.github.acme/old', 'no active version'],
      ],
    );
  });

  it('sends updated_since and applies it itself when the registry does not', async () => {
    const entries = [
      entry(remote('io.github.acme/fresh'), { updatedAt: '2026-11-20T00:00:00Z' }),
      entry(remote('io.github.acme/stale'), { updatedAt: '2026-01-01T00:00:00Z' }),
    ];
    for (const honourUpdatedSince of [true, false]) {
      const reg = await registry({ entries, honourUpdatedSince });
      const got = await loadRegistry({ url: reg.base, allowPrivate: true, updatedSince: '2026-11-01T00:00:00Z' });
      assert.equal(new URL(reg.requests[0].split(' ')[1], 'http://x').searchParams.get('updated_since'), '2026-11-01T00:00:00Z');
      assert.deepEqual(got.targets.map((t) => t.id), ['io.github.acme/fresh']);
    }
  });

  it('reads the older snake_case answers (next_cursor, flat entries, is_latest, transport_type, is_secret)', async () => {
    const old = (name: string, version: string, isLatest: boolean) => ({
      name,
      description: 'Old shape.',
      version_detail: { version },
      version,
      remotes: [{ transport_type: 'sse', url: `https://${name.split('/')[1]}.example.com/sse`, headers: [{ name: 'X-Api-Key', is_secret: true, is_required: true }] }],
      packages: [{ registry_name: 'npm', name: '@acme/old-mcp', version, environment_variables: [{ name: 'OLD_TOKEN', is_secret: true }] }],
      _meta: { 'io.modelcontextprotocol.registry/official': { is_latest: isLatest, published_at: '2025-09-01T00:00:00Z', updated_at: '2025-09-01T00:00:00Z' } },
    });
    const reg = await registry({ cursorField: 'next_cursor', entries: [old('io.github.acme/legacy', '0.9.0', false), old('io.github.acme/legacy', '1.0.0', true), old('io.github.acme/other', '1.0.0', true)] });
    const got = await loadRegistry({ url: reg.base, allowPrivate: true, pageSize: 2 });
    assert.equal(got.pages, 2);
    const legacy = got.targets.find((t) => t.id === 'io.github.acme/legacy');
    assert.ok(legacy && legacy.kind === 'remote');
    assert.equal(legacy.entry.type, 'sse');
    assert.deepEqual(legacy.entry.headers, { 'X-Api-Key': '${MCP_CENSUS_IO_GITHUB_ACME_LEGACY_X_API_KEY}' });
    assert.deepEqual(legacy.origin, {
      source: 'registry',
      registry: `${reg.base}/`,
      name: 'io.github.acme/legacy',
      version: '1.0.0',
      via: 'sse',
      publishedAt: '2025-09-01T00:00:00Z',
      updatedAt: '2025-09-01T00:00:00Z',
    });
    assert.equal(got.targets.length, 2);
  });

  it('turns remotes into targets: headers from the environment when secret, URL variables filled, hostile values refused', async () => {
    const reg = await registry({
      entries: [
        entry({
          name: 'io.github.acme/both',
          title: 'Both',
          websiteUrl: 'https://acme.example.com',
          remotes: [
            { type: 'sse', url: 'https://both.example.com/sse' },
            {
              type: 'streamable-http',
              url: 'https://{region}.both.example.com/mcp',
              variables: { region: { default: 'eu', choices: ['eu', 'us'] } },
              headers: [
                { name: 'Authorization', value: 'Bearer {token}', isRequired: true, variables: { token: { isSecret: true } } },
                { name: 'X-Client', value: 'census' },
                { name: 'X-Optional', description: 'not needed' },
              ],
            },
          ],
        }),
        entry(remote('io.github.acme/secret-url', 'https://both.example.com/{tenant}/mcp', { variables: { tenant: { isSecret: true, isRequired: true } } })),
        entry(remote('io.github.acme/exfil', 'https://exfil.example.com/mcp', { headers: [{ name: 'X-Leak', value: '${AWS_SECRET_ACCESS_KEY}' }] })),
        entry(remote('io.github.acme/exfil2', 'https://exfil.example.com/mcp', { headers: [{ name: 'X-Leak', value: '${X}', variables: { X: { default: '{HOME}' } } }] })),
        entry(remote('io.github.acme/crlf', 'https://crlf.example.com/mcp', { headers: [{ name: 'X-Bad\r\nInjected', value: 'x' }] })),
        entry(remote('io.github.acme/ftp', 'ftp://files.example.com/mcp')),
      ],
    });
    const got = await loadRegistry({ url: reg.base, allowPrivate: true });
    assert.deepEqual(got.targets.map((t) => t.id), ['io.github.acme/both', 'io.github.acme/exfil']);
    // An unfilled placeholder makes the header a secret of this server, never one of the scanner's own variables.
    const exfil = got.targets[1];
    assert.ok(exfil.kind === 'remote');
    assert.deepEqual(exfil.entry.headers, { 'X-Leak': '${MCP_CENSUS_IO_GITHUB_ACME_EXFIL_X_LEAK}' });
    const both = got.targets[0];
    assert.ok(both.kind === 'remote');
    assert.equal(both.entry.url, 'https://eu.both.example.com/mcp');
    assert.equal(both.entry.type, undefined, 'streamable-http is preferred over sse');
    assert.deepEqual(both.entry.headers, { Authorization: '${MCP_CENSUS_IO_GITHUB_ACME_BOTH_AUTHORIZATION}', 'X-Client': 'census' });
    assert.equal(both.entry.title, 'Both');
    assert.equal(both.entry.homepage, 'https://acme.example.com');
    const reasons = Object.fromEntries(got.skipped.map((s) => [s.id, s.reason]));
    assert.match(reasons['io.github.acme/secret-url'], /URL needs a variable/);
    assert.match(reasons['io.github.acme/exfil2'], /\$\{…\} reference/);
    assert.match(reasons['io.github.acme/crlf'], /not a valid HTTP header name/);
    assert.match(reasons['io.github.acme/ftp'], /not an http\(s\) URL/);
  });

  it('turns npm packages into npx targets pinned to their version only with includePackages', async () => {
    const pkg = (identifier: string, version: string, extra: Record<string, unknown> = {}) => ({
      registryType: 'npm',
      identifier,
      version,
      transport: { type: 'stdio' },
      ...extra,
    });
    const entries = [
      entry({
        name: 'io.github.acme/local',
        version: '1.2.3',
        packages: [
          { registryType: 'pypi', identifier: 'acme-mcp', version: '1.2.3', transport: { type: 'stdio' } },
          pkg('@acme/local-mcp', '1.2.3', {
            packageArguments: [
              { type: 'positional', value: '--stdio' },
              { type: 'named', name: '--root', default: '/tmp' },
              { type: 'positional', valueHint: 'extra' },
            ],
            environmentVariables: [
              { name: 'ACME_TOKEN', isSecret: true, isRequired: true },
              { name: 'ACME_MODE', default: 'readonly' },
            ],
          }),
        ],
      }),
      entry({ name: 'io.github.acme/range', packages: [pkg('@acme/range', '^1.0.0')] }),
      entry({ name: 'io.github.acme/flag', packages: [pkg('--require=/tmp/x.js', '1.0.0')] }),
      entry({ name: 'io.github.acme/needs-arg', packages: [pkg('needs-arg', '1.0.0', { packageArguments: [{ type: 'positional', valueHint: 'path', isRequired: true }] })] }),
    ];
    const reg = await registry({ entries });
    const without = await loadRegistry({ url: reg.base, allowPrivate: true });
    assert.deepEqual(without.targets, []);
    assert.match(without.skipped.find((s) => s.id === 'io.github.acme/local')?.reason ?? '', /--include-packages/);

    const withPkgs = await loadRegistry({ url: reg.base, allowPrivate: true, includePackages: true });
    assert.deepEqual(withPkgs.targets.map((t) => t.id), ['io.github.acme/local']);
    const local = withPkgs.targets[0];
    assert.ok(local.kind === 'stdio');
    assert.equal(local.entry.command, 'npx');
    assert.deepEqual(local.entry.args, ['--yes', '--', '@acme/local-mcp@1.2.3', '--stdio', '--root', '/tmp']);
    assert.deepEqual(local.entry.env, { ACME_TOKEN: '${MCP_CENSUS_IO_GITHUB_ACME_LOCAL_ACME_TOKEN}', ACME_MODE: 'readonly' });
    assert.equal(local.entry.package, '@acme/local-mcp@1.2.3');
    assert.deepEqual(local.origin && local.origin.source === 'registry' ? [local.origin.via, local.origin.package] : [], ['npm', '@acme/local-mcp@1.2.3']);
    const reasons = Object.fromEntries(withPkgs.skipped.map((s) => [s.id, s.reason]));
    assert.match(reasons['io.github.acme/range'], /not pinned to an exact version/);
    assert.match(reasons['io.github.acme/flag'], /package name is not valid/);
    assert.match(reasons['io.github.acme/needs-arg'], /required and has no default/);
  });

  it('goes through the private-network guard: a loopback registry is refused without --allow-private, before any request', async () => {
    const reg = await registry({ entries: [entry(remote('io.github.acme/notes'))] });
    await assert.rejects(loadRegistry({ url: reg.base }), (err: Error) => err instanceof SourceError && /not a public address/.test(err.message));
    await assert.rejects(
      loadRegistry({ url: 'http://registry.example.test', lookup: async () => ['10.0.0.5'] }),
      (err: Error) => err instanceof SourceError && /resolves to 10\.0\.0\.5/.test(err.message),
    );
    assert.deepEqual(reg.requests, []);
  });

  it('fails as a whole, with a message, on a registry that misbehaves', async () => {
    const loop = await registry({ entries: [], answer: () => ({ status: 200, body: JSON.stringify({ servers: [], metadata: { nextCursor: 'same' } }) }) });
    await assert.rejects(loadRegistry({ url: loop.base, allowPrivate: true }), /repeats an earlier cursor/);
    const long = await registry({ entries: [], answer: () => ({ status: 200, body: JSON.stringify({ servers: [], metadata: { nextCursor: 'c'.repeat(5000) } }) }) });
    await assert.rejects(loadRegistry({ url: long.base, allowPrivate: true }), /cursor longer than 4096/);
    const junk = await registry({ entries: [], answer: () => ({ status: 200, body: '<html>' }) });
    await assert.rejects(loadRegistry({ url: junk.base, allowPrivate: true }), /page 1 is not JSON/);
    const shape = await registry({ entries: [], answer: () => ({ status: 200, body: JSON.stringify({ items: [] }) }) });
    await assert.rejects(loadRegistry({ url: shape.base, allowPrivate: true }), /page 1 is not a server list: servers: /);
    const down = await registry({ entries: [], answer: () => ({ status: 503, body: '{}' }) });
    await assert.rejects(loadRegistry({ url: down.base, allowPrivate: true }), /page 1 answered HTTP 503/);
    const big = await registry({ entries: [], answer: () => ({ status: 200, body: JSON.stringify({ servers: [], pad: 'x'.repeat(200_000) }) }) });
    await assert.rejects(loadRegistry({ url: big.base, allowPrivate: true, maxPageBytes: 100_000 }), /page 1 failed/);
    const endless = await registry({ entries: [], answer: (u) => ({ status: 200, body: JSON.stringify({ servers: [], metadata: { nextCursor: `c${Number(u.searchParams.get('cursor')?.slice(1) ?? 0) + 1}` } }) }) });
    await assert.rejects(loadRegistry({ url: endless.base, allowPrivate: true, maxPages: 5 }), /more than 5 pages/);
    // One bad entry is skipped, not the page.
    const mixed = await registry({ entries: [{ server: { name: 42 } }, entry(remote('io.github.acme/ok'))] });
    const got = await loadRegistry({ url: mixed.base, allowPrivate: true });
    assert.deepEqual(got.targets.map((t) => t.id), ['io.github.acme/ok']);
    assert.match(got.skipped[0].reason, /not a valid registry entry: server\.name/);
  });

  it('scans what the registry lists: a server is recorded with its origin, one that needs a missing secret as auth_required without a request', async () => {
    const open = await streamableHttpServer({ tools: syntheticTools(3) });
    const locked = await streamableHttpServer({ tools: syntheticTools(2) });
    closers.push(open.close, locked.close);
    const reg = await registry({
      entries: [
        entry({ ...remote('io.github.acme/open', open.url), title: 'Open one' }),
        entry(remote('io.github.acme/locked', locked.url, { headers: [{ name: 'Authorization', isSecret: true, isRequired: true }] })),
      ],
    });
    const out = join(await mkdtemp(join(tmpdir(), 'census-reg-')), 'out');
    const report = await scan({ out, registry: { url: reg.base }, allowPrivate: true, timeoutSeconds: 20, keepResults: true, env: {} });
    assert.equal(report.total, 2);
    const byId = new Map(report.stored.map((r) => [r.id, r]));
    assert.equal(byId.get('io.github.acme/open')?.status, 'ok');
    assert.equal(byId.get('io.github.acme/open')?.tools.length, 3);
    assert.equal(byId.get('io.github.acme/open')?.title, 'Open one');
    assert.equal(byId.get('io.github.acme/open')?.origin?.source, 'registry');
    assert.equal(byId.get('io.github.acme/locked')?.status, 'auth_required');
    assert.match(byId.get('io.github.acme/locked')?.error?.message ?? '', /MCP_CENSUS_IO_GITHUB_ACME_LOCKED_AUTHORIZATION/);
    assert.deepEqual(locked.requests, [], 'no request without the secret');
    const stored = ServerResultSchema.parse(JSON.parse(await readFile(join(out, 'servers', `${byId.get('io.github.acme/open')!.slug}.json`), 'utf8')));
    assert.equal(stored.origin?.source === 'registry' && stored.origin.name, 'io.github.acme/open');

    // With the secret in the environment, the header is sent.
    const again = await scan({ out, registry: { url: reg.base }, allowPrivate: true, timeoutSeconds: 20, keepResults: true, env: { MCP_CENSUS_IO_GITHUB_ACME_LOCKED_AUTHORIZATION: 'Bearer s3cret' } });
    assert.equal(again.stored.find((r) => r.id === 'io.github.acme/locked')?.status, 'ok');
    const written = await readFile(join(out, 'servers', `${byId.get('io.github.acme/locked')!.slug}.json`), 'utf8');
    assert.doesNotMatch(written, /s3cret/);
  });

  it('npm run scan -- --registry URL scans the registry alone; bad flags exit 2 without a request', async () => {
    const server = await streamableHttpServer({ tools: syntheticTools(1) });
    closers.push(server.close);
    const reg = await registry({ entries: [entry(remote('io.github.acme/one', server.url)), entry(remote('io.github.acme/old'), { status: 'deprecated' })] });
    const out = join(await mkdtemp(join(tmpdir(), 'census-reg-')), 'out');
    const r = await cli(['scan', '--registry', reg.base, '--allow-private', '--out', out, '--timeout', '20']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /scanned 1 server: 1 ok/);
    assert.match(r.stderr, /skipped 1 server\(s\) the sources listed:\n {2}- io\.github\.acme\/old: no active version/);
    const bad = await cli(['scan', '--registry', '--updated-since', 'last week', '--out', out]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--updated-since must be an RFC 3339 date-time/);
    const lonely = await cli(['scan', '--include-packages', '--out', out]);
    assert.equal(lonely.code, 2);
    assert.match(lonely.stderr, /go with --registry/);
    const blocked = await cli(['scan', '--registry', reg.base, '--out', out]);
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /^registry http:\/\/127\.0\.0\.1:\d+\/: page 1 failed: .*not a public address/m);
  });
});
