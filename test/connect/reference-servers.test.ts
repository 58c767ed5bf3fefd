// The @modelcontextprotocol/server-* reference servers from npm (pinned in
// package.json), started over stdio from a server list like the default one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { projectPath, scanList } from '../helpers/scan.ts';

const pkg = (name: string) => projectPath(`node_modules/@modelcontextprotocol/server-${name}/dist/index.js`);

describe('reference servers over stdio', () => {
  it('scans all four, classifies every tool and writes a policy for each', async () => {
    const { results, policies, summary } = await scanList(
      {
        everything: { command: 'node', args: [pkg('everything'), 'stdio'] },
        filesystem: { command: 'node', args: [pkg('filesystem'), '.'] },
        memory: { command: 'node', args: [pkg('memory')] },
        'sequential-thinking': { command: 'node', args: [pkg('sequential-thinking')] },
      },
      { concurrency: 4, allowPrivate: false },
    );
    assert.equal(summary.byStatus.ok, 4, JSON.stringify(summary.results));
    for (const [id, r] of results) {
      assert.ok(r.tools.length > 0, `${id} lists tools`);
      assert.ok(r.server?.name, `${id} names itself`);
      const policy = policies.get(id)!;
      for (const tool of r.tools) assert.ok(Object.hasOwn(policy.tools, tool.name), `${id}/${tool.name} has a rule`);
    }
    const fs = results.get('filesystem')!;
    const read = fs.tools.find((t) => t.name === 'read_text_file' || t.name === 'read_file')!;
    assert.equal(read.access, 'read');
    assert.deepEqual(policies.get('filesystem')!.tools[read.name], {});
    const write = fs.tools.find((t) => t.name === 'write_file')!;
    assert.equal(write.access, 'write');
    assert.notEqual(write.risk, 'low');
  });
});
