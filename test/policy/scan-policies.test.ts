import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { cedarSchema } from '../../scanner/policy/index.ts';
import { projectPath, scanList } from '../helpers/scan.ts';

describe('a real scan stores the grade and the policy in three formats (with policyFormats)', () => {
  it('scans the memory reference server over stdio', { timeout: 60_000 }, async () => {
    const { results, policies, out } = await scanList(
      { memory: { command: process.execPath, args: [projectPath('node_modules/@modelcontextprotocol/server-memory/dist/index.js')] } },
      { policyFormats: ['yaml', 'cedar'] },
    );
    const result = results.get('memory')!;
    assert.equal(result.status, 'ok');
    assert.equal(result.grade?.letter, 'C', JSON.stringify(result.grade));
    assert.ok(result.grade!.reasons.some((r) => r.includes('delete_entities')));

    const policy = policies.get('memory')!;
    const yaml = parse(await readFile(join(out, 'policies', 'memory.yaml'), 'utf8'));
    assert.deepEqual(yaml, policy);
    const text = await readFile(join(out, 'policies', 'memory.cedar'), 'utf8');
    const v = cedar.validate({ schema: cedarSchema(), policies: { staticPolicies: text }, validationSettings: { mode: 'strict' } });
    assert.ok(v.type === 'success' && v.validationErrors.length === 0, JSON.stringify(v));
    for (const tool of result.tools) {
      const a = cedar.isAuthorized({
        principal: { type: 'Client', id: 'agent' },
        action: { type: 'Action', id: 'call_tool' },
        resource: { type: 'Tool', id: tool.name },
        context: {},
        policies: { staticPolicies: text },
        entities: [],
      });
      assert.ok(a.type === 'success');
      assert.equal(a.response.decision, policy.tools[tool.name].hidden ? 'deny' : 'allow', tool.name);
    }
  });
});
