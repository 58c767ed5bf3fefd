import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { cedarSchema, cedarString, policyCedar, policyFor, policyYaml } from '../../scanner/policy/index.ts';
import { toolRecords } from '../../scanner/finish.ts';
import { PolicySchema, type Policy } from '../../scanner/schemas/index.ts';

const HOSTILE = ['yes', '__proto__', 'a: b', '- x', 'quote"and\\slash', 'line\nbreak */ permit(principal,action,resource); //', 'ünïcødé 工具', 'emoji 🧨', 'tab\there', '\u202Eevil'];

function recorded(name: string): Policy {
  const tools = toolRecords(JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/tools-list', `${name}.json`), 'utf8')).tools);
  return policyFor(tools);
}

/** Asks the real Cedar engine whether a caller may call `tool`. */
function decide(policies: string, tool: string, action = 'call_tool'): 'allow' | 'deny' {
  const answer = cedar.isAuthorized({
    principal: { type: 'Client', id: 'alice' },
    action: { type: 'Action', id: action },
    resource: { type: 'Tool', id: tool },
    context: {},
    policies: { staticPolicies: policies },
    entities: [],
  });
  assert.equal(answer.type, 'success', JSON.stringify(answer));
  if (answer.type !== 'success') throw new Error('unreachable');
  return answer.response.decision;
}

function validate(policies: string): void {
  const v = cedar.validate({ schema: cedarSchema(), policies: { staticPolicies: policies }, validationSettings: { mode: 'strict' } });
  assert.equal(v.type, 'success', JSON.stringify(v));
  if (v.type === 'success') assert.deepEqual(v.validationErrors, [], JSON.stringify(v.validationErrors));
}

describe('YAML policy', () => {
  it('is the same policy as the JSON, whatever the tool names', () => {
    for (const policy of [recorded('filesystem'), recorded('stripe'), policyFor(HOSTILE.map((name, i) => ({ name, category: (['read', 'write', 'destructive'] as const)[i % 3], signals: [] })))]) {
      const text = policyYaml(policy, { title: 'Starter policy for x\nwith a line break' });
      assert.match(text, /^# Starter policy for x with a line break\n/);
      const back = parse(text);
      assert.deepEqual(back, policy);
      assert.deepEqual(Object.keys(back.tools), Object.keys(policy.tools), 'even __proto__ stays a plain key');
      assert.ok(PolicySchema.safeParse(back).success);
    }
  });
});

describe('Cedar policy, checked by the real Cedar engine', () => {
  it('loads the engine on this Node', () => {
    assert.match(cedar.getCedarVersion(), /^\d+\.\d+/);
  });

  it('validates against its schema and permits allowed tools, forbids hidden and unknown ones', () => {
    for (const server of ['filesystem', 'memory', 'stripe', 'kubernetes', 'playwright', 'everything']) {
      const policy = recorded(server);
      const text = policyCedar(policy, { title: `Starter policy for ${server}` });
      assert.equal(cedar.checkParsePolicySet({ staticPolicies: text }).type, 'success', server);
      validate(text);
      let hidden = 0;
      let allowed = 0;
      for (const [tool, rule] of Object.entries(policy.tools)) {
        const expected = rule.hidden ? 'deny' : 'allow';
        if (rule.hidden) hidden++;
        else allowed++;
        assert.equal(decide(text, tool), expected, `${server}/${tool}`);
        assert.equal(decide(text, tool, 'get_prompt'), 'deny', 'only tool calls are permitted');
      }
      assert.equal(decide(text, 'a_tool_added_later'), 'deny', 'default deny');
      assert.ok(allowed > 0, server);
      if (server !== 'everything') assert.ok(hidden > 0, `${server} has hidden tools`);
    }
  });

  it('carries rate limits and reasons as annotations, and a forbid wins over a later permit', () => {
    const policy = policyFor([
      { name: 'search', category: 'read', signals: [] },
      { name: 'create_issue', category: 'write', signals: [] },
      { name: 'delete_repo', category: 'destructive', signals: [] },
    ]);
    const text = policyCedar(policy);
    assert.match(text, /@rate_limit\("30 per minute per grant \(counter create_issue_rate\); enforce in the gateway"\)\npermit/);
    assert.match(text, /@reason\("Can delete or overwrite data[^"]*"\)\nforbid/);
    const widened = `${text}\npermit (principal, action, resource);\n`;
    assert.equal(decide(widened, 'delete_repo'), 'deny');
    assert.equal(decide(widened, 'anything_else'), 'allow');
  });

  it('keeps hostile tool names inside escaped literals', () => {
    const policy = policyFor(HOSTILE.map((name, i) => ({ name, category: i % 2 ? 'read' : 'execute', signals: [] })));
    const text = policyCedar(policy);
    validate(text);
    const parts = cedar.policySetTextToParts(text);
    assert.equal(parts.type, 'success');
    if (parts.type === 'success') assert.equal(parts.policies.length, HOSTILE.length, 'no name adds or removes a policy');
    for (const [i, name] of HOSTILE.entries()) assert.equal(decide(text, name), i % 2 ? 'allow' : 'deny', JSON.stringify(name));
    assert.ok(!text.includes('\n permit(principal,action,resource); //'));
    assert.equal(cedarString('a"b\\c\n'), '"a\\"b\\\\c\\u{a}"');
    assert.equal(cedarString('\uD800'), '"\\u{fffd}"');
  });
});
