/**
 * Starter policies: a rule per tool from its classification, gathered per server.
 * The format is the model catalogue's `policy.json` (see `schemas/policy.ts`).
 */
export { WRITE_CALLS_PER_MINUTE, policyFor, toolPolicy, toolRule, type PolicyInput } from './rules.ts';
export { policyYaml, type PolicyYamlOptions } from './yaml.ts';
export { policyCedar, cedarSchema, cedarString, type CedarOptions } from './cedar.ts';
