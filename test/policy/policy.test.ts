import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { policyFor, toolPolicy, toolRule } from '../../scanner/policy/index.ts';
import { PolicySchema } from '../../scanner/schemas/index.ts';

describe('starter policies', () => {
  it('allows read tools with no limit, as on the seed page', () => {
    assert.deepEqual(toolPolicy({ name: 'search_cars', category: 'read', signals: [] }), {
      version: '1',
      default: 'deny',
      tools: { search_cars: {} },
    });
  });

  it('rate-limits write tools at 30 a minute per grant, as on the seed page', () => {
    assert.deepEqual(toolPolicy({ name: 'cars_session_create', category: 'write', signals: [] }), {
      version: '1',
      default: 'deny',
      tools: {
        cars_session_create: { limits: [{ counter: 'cars_session_create_rate', window: 'minute', max: 30, scope: 'grant' }] },
      },
    });
  });

  it('hides execute, destructive and financial tools with a readable reason', () => {
    for (const category of ['execute', 'destructive', 'financial'] as const) {
      const rule = toolRule({ name: 't', category, signals: [] });
      assert.equal(rule.hidden, true);
      assert.ok(rule.reason && rule.reason.length > 20);
    }
  });

  it('always hides a poisoned tool, even a read one', () => {
    const rule = toolRule({ name: 't', category: 'read', signals: [{ id: 'hidden-instructions', label: 'Hidden instructions' }] });
    assert.equal(rule.hidden, true);
    assert.match(rule.reason!, /Hidden instructions/);
  });

  it('covers every tool of a server, keeps hostile names as plain keys, and validates', () => {
    const policy = policyFor([
      { name: '__proto__', category: 'read', signals: [] },
      { name: 'constructor', category: 'write', signals: [] },
      { name: 'dup', category: 'read', signals: [] },
      { name: 'dup', category: 'destructive', signals: [] },
    ]);
    assert.deepEqual(Object.keys(policy.tools), ['__proto__', 'constructor', 'dup']);
    assert.equal(Object.getPrototypeOf(policy.tools), Object.prototype);
    assert.equal(policy.tools.dup.hidden, true, 'the stricter rule wins for a repeated name');
    assert.ok(PolicySchema.safeParse(JSON.parse(JSON.stringify(policy))).success);
  });
});
