import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { policyFor } from '../../scanner/policy/index.ts';
import { prepareStore, storePaths, storeServer } from '../../scanner/store/index.ts';
import type { ServerResult } from '../../scanner/schemas/index.ts';

describe('stored policy formats', () => {
  it('writes policies/<slug>.yaml and <slug>.cedar beside the JSON when asked, all the same policy', async () => {
    const out = await mkdtemp(join(tmpdir(), 'store-formats-'));
    await prepareStore(out);
    const policy = policyFor([
      { name: 'list_files', category: 'read', signals: [] },
      { name: 'rm_rf', category: 'destructive', signals: [] },
    ]);
    const result = { id: 'fs', slug: 'fs', status: 'ok', target: { transport: 'stdio' }, scannedAt: new Date(0).toISOString(), durationMs: 1, tools: [] } satisfies ServerResult;
    await storeServer(out, result, policy, { policyFormats: ['yaml', 'cedar'] });
    const paths = storePaths(out, 'fs');
    assert.deepEqual(JSON.parse(await readFile(paths.policy, 'utf8')), policy);
    const yaml = await readFile(paths.policyYaml, 'utf8');
    assert.match(yaml, /^# Starter policy for fs/);
    assert.deepEqual(parse(yaml), policy);
    const text = await readFile(paths.policyCedar, 'utf8');
    const ask = (tool: string) => {
      const a = cedar.isAuthorized({
        principal: { type: 'Client', id: 'u' },
        action: { type: 'Action', id: 'call_tool' },
        resource: { type: 'Tool', id: tool },
        context: {},
        policies: { staticPolicies: text },
        entities: [],
      });
      return a.type === 'success' ? a.response.decision : `failure: ${JSON.stringify(a.errors)}`;
    };
    assert.equal(ask('list_files'), 'allow');
    assert.equal(ask('rm_rf'), 'deny');
  });

  it('writes only the JSON by default, and the same bytes with blocking calls (the offload worker) as without', async () => {
    const policy = policyFor([{ name: 'list_files', category: 'read', signals: [] }]);
    const result = { id: 'fs', slug: 'fs', status: 'ok', target: { transport: 'stdio' }, scannedAt: new Date(0).toISOString(), durationMs: 1, tools: [] } satisfies ServerResult;
    const written: Record<string, string>[] = [];
    for (const sync of [false, true]) {
      const out = await mkdtemp(join(tmpdir(), 'store-formats-'));
      await prepareStore(out);
      await storeServer(out, result, policy, { sync });
      assert.deepEqual(await readdir(join(out, 'policies')), ['fs.json']);
      assert.deepEqual(await readdir(join(out, 'servers')), ['fs.json']);
      written.push({ policy: await readFile(storePaths(out, 'fs').policy, 'utf8'), result: await readFile(storePaths(out, 'fs').result, 'utf8') });
    }
    assert.deepEqual(written[0], written[1]);
    assert.deepEqual(JSON.parse(written[1].policy), policy);
  });
});
