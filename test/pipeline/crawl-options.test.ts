// The crawl flags of `npm run scan`, as cli.ts hands them to crawlOptions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crawlOptions } from '../../scanner/crawl-options.ts';

const fail = (message: string): never => {
  throw new Error(message);
};

describe('crawl flags', () => {
  it('--policy-formats: yaml and cedar, comma-separated, anything else refused by name', () => {
    assert.deepEqual(crawlOptions({ 'policy-formats': 'cedar, yaml,cedar' }, fail).policyFormats, ['cedar', 'yaml']);
    assert.equal(crawlOptions({}, fail).policyFormats, undefined);
    assert.throws(() => crawlOptions({ 'policy-formats': 'yaml,toml' }, fail), /--policy-formats .*yaml, cedar.*"yaml,toml"/);
  });

  it('--offload forces the worker thread, --no-offload forbids it, the default leaves it to the scan', () => {
    assert.equal(crawlOptions({ offload: true }, fail).offload, true);
    assert.equal(crawlOptions({ 'no-offload': true }, fail).offload, false);
    assert.equal(crawlOptions({}, fail).offload, undefined);
    assert.throws(() => crawlOptions({ offload: true, 'no-offload': true }, fail), /contradict/);
  });
});
