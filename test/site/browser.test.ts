// The built catalogue in a real browser: Debian's chromium driven by playwright-core,
// against serveSite. Fails (never skips) when chromium is missing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveSite, type SiteServer } from '../../site/serve.ts';
import { toolPolicy } from '../../scanner/policy/index.ts';
import { PolicySchema, type ServerResult } from '../../scanner/schemas/index.ts';
import { parse as parseYaml } from 'yaml';
import { buildFixture, fixturePolicy, fixtureServers, removeTempDirs, toolNamed } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';

/** A page that records every dialog, console error and uncaught exception. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

describe('the catalogue in chromium', () => {
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  let servers: Map<string, ServerResult>;

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests need Debian's chromium (apt-get install chromium)`);
    }
    servers = await fixtureServers();
    const { out } = await buildFixture();
    server = await serveSite({ dir: out, port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-background-networking'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await removeTempDirs();
  });

  const url = (path: string) => new URL(path, server!.url).href;

  it('shows each tool’s starter policy as JSON equal to toolPolicy(tool)', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      for (const [slug, name] of [
        ['acme-ops', 'create_ticket'],
        ['acme-ops', '"><svg onload=alert(1)>'],
        ['everything', 'echo'],
        ['acme-ops', 'refund_payment'],
      ] as const) {
        const tool = toolNamed(servers.get(slug)!, name);
        const response = await page.goto(url(`/tools/${slug}/${tool.slug}/`));
        assert.equal(response?.status(), 200);
        const policy = page.locator('#policy-json');
        assert.ok(await policy.isVisible(), `${name}: policy visible`);
        const shown = JSON.parse(await policy.innerText());
        assert.deepEqual(PolicySchema.parse(shown), toolPolicy(tool), name);
        assert.equal(await page.locator('#tool-name').innerText(), name);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('downloads the tool policy and the server policy as valid policy files', async () => {
    const context = await browser!.newContext({ acceptDownloads: true });
    try {
      const { page, problems } = await watchedPage(context);
      const tool = toolNamed(servers.get('acme-ops')!, 'create_ticket');
      await page.goto(url(`/tools/acme-ops/${tool.slug}/`));
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-policy').click()]);
      assert.equal(download.suggestedFilename(), `${tool.slug}.json`);
      const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
      assert.deepEqual(PolicySchema.parse(file), toolPolicy(tool));

      await page.goto(url('/servers/acme-ops/'));
      const [whole] = await Promise.all([page.waitForEvent('download'), page.locator('#server-policy').click()]);
      assert.equal(whole.suggestedFilename(), 'acme-ops.json');
      const policy = PolicySchema.parse(JSON.parse(await readFile((await whole.path())!, 'utf8')));
      assert.deepEqual(policy, await fixturePolicy('acme-ops'));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('copies the policy with the Copy button', async () => {
    const context = await browser!.newContext();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server!.url).origin });
      const { page, problems } = await watchedPage(context);
      await page.goto(url('/tools/everything/toggle-subscriber-updates/'));
      const button = page.locator('button.copy');
      assert.ok(await button.isVisible(), 'the script shows the Copy button');
      await button.click();
      await page.locator('button.copy', { hasText: 'Copied' }).waitFor({ timeout: 5000 });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.locator('#policy-json').textContent());
      PolicySchema.parse(JSON.parse(copied));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('runs no script from hostile text, under a CSP header', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      for (const path of ['/tools/acme-ops/helpful-tool/', '/tools/acme-ops/svg-onload-alert-1/', '/servers/acme-ops/', '/changes/', '/']) {
        const response = await page.goto(url(path), { waitUntil: 'load' });
        assert.equal(response?.status(), 200, path);
        const csp = response!.headers()['content-security-policy'];
        assert.ok(csp, `${path}: CSP header present`);
        assert.match(csp, /script-src 'self'/);
        assert.equal(response!.headers()['x-content-type-options'], 'nosniff');
        // Let anything that could fire (onerror of a broken image, timers) fire.
        await page.mouse.move(10, 10);
        await page.mouse.move(300, 400);
        await page.waitForTimeout(300);
      }
      await page.goto(url('/tools/acme-ops/helpful-tool/'));
      const description = await page.locator('#description').innerText();
      assert.ok(description.includes('<script>alert(1)</script>'), 'shown as text');
      assert.ok(description.includes('<img src=x onerror=alert(1)>'), 'shown as text');
      assert.equal(await page.locator('main img, main iframe, main svg, main script').count(), 0, 'no injected elements');
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
      assert.deepEqual(problems, [], 'no dialog, console error or page error');
    } finally {
      await context.close();
    }
  });

  it('navigates home → category → tool → server by links', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      await page.goto(url('/'));
      await page.locator('#category-chart a', { hasText: 'Write' }).click();
      await page.waitForURL(url('/category/write/'));
      assert.equal(await page.locator('h1').innerText(), 'Write tools');
      const tool = toolNamed(servers.get('acme-ops')!, 'create_ticket');
      await page.locator('table.listing a', { hasText: 'create_ticket' }).click();
      await page.waitForURL(url(`/tools/acme-ops/${tool.slug}/`));
      assert.equal(await page.locator('#tool-name').innerText(), 'create_ticket');
      assert.ok(await page.locator('#patterns a[href="/patterns/runaway-writes/"]').isVisible());
      await page.locator('.crumbs a[href="/servers/acme-ops/"]').click();
      await page.waitForURL(url('/servers/acme-ops/'));
      assert.ok(await page.locator(`a[href="/tools/acme-ops/${tool.slug}/"]`).isVisible());
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('walks the header’s Changes link → a changed tool → its drift notice → back to the changelog', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      const acme = servers.get('acme-ops')!;
      const drift = acme.drift!;
      await page.goto(url('/signals/'));
      await page.locator('.site-header nav a', { hasText: 'Changes' }).click();
      await page.waitForURL(url('/changes/'));
      const section = page.locator('#changes-acme-ops');
      assert.ok(await section.isVisible());
      // Every name of the drift is shown as the server sent it, hostile ones as text.
      const names = await section.locator('td.name').allInnerTexts();
      assert.deepEqual(names, [...drift.added, ...drift.changed.map((c) => c.name), ...drift.removed]);
      assert.equal(await page.locator('main img, main svg, main script').count(), 0);
      const changed = drift.changed.find((c) => c.fields.length > 1)!;
      await section.locator('td.name a', { hasText: changed.name }).click();
      await page.waitForURL(url(`/tools/acme-ops/${toolNamed(acme, changed.name).slug}/`));
      const notice = page.locator('#drift');
      assert.ok(await notice.isVisible());
      assert.match(await notice.innerText(), /Changed since the previous scan/);
      assert.ok((await notice.innerText()).includes(changed.after));
      await notice.locator('a', { hasText: 'Every change of' }).click();
      await page.waitForURL(url('/changes/#changes-acme-ops'));
      await page.locator('.site-footer a', { hasText: 'Changes' }).click();
      await page.waitForURL(url('/changes/'));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('is usable from the keyboard: skip link first, then the search box', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      await page.goto(url('/tools/acme-ops/create-ticket/'));
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
      await page.keyboard.press('Enter');
      // The fragment navigation lands a moment after the key press: wait for it (fails after 5 s).
      await page.waitForURL(/#main$/, { timeout: 5000 });
      await page.locator('#site-q').focus();
      await page.keyboard.type('refund');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=refund$/);
      await page.locator('#search-results li').first().waitFor({ timeout: 5000 });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('finds a known tool with the search box, and opens it', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      await page.goto(url('/'));
      await page.locator('#site-q').fill('create ticket');
      await page.locator('.search-box button').click();
      await page.waitForURL(url('/search/?q=create+ticket'));
      const first = page.locator('#search-results li a').first();
      await first.waitFor({ timeout: 5000 });
      assert.equal(await first.innerText(), 'create_ticket');
      assert.match(await page.locator('#search-status').innerText(), /result/);
      // A prefix of a word is enough, and servers are found by their title.
      await page.locator('#q').fill('refu');
      await page.locator('#search-form button').click();
      await page.locator('#search-results li a', { hasText: 'refund_payment' }).waitFor({ timeout: 5000 });
      await page.locator('#q').fill('everything');
      await page.locator('#search-form button').click();
      await page.locator('#search-results li a[href="/servers/everything/"]').waitFor({ timeout: 5000 });
      await page.locator('#q').fill('zzzz nothing matches');
      await page.locator('#search-form button').click();
      await page.locator('#search-status', { hasText: 'Nothing found.' }).waitFor({ timeout: 5000 });
      await page.locator('#q').fill('create ticket');
      await page.locator('#search-form button').click();
      await page.locator('#search-results li a', { hasText: 'create_ticket' }).click();
      await page.waitForURL(url('/tools/acme-ops/create-ticket/'));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('shows hostile tool names in search results as text, running nothing', async () => {
    const context = await browser!.newContext();
    try {
      const { page, problems } = await watchedPage(context);
      await page.goto(url('/search/?q=svg%20onload'));
      const hit = page.locator('#search-results li a').first();
      await hit.waitFor({ timeout: 5000 });
      assert.equal(await hit.innerText(), '"><svg onload=alert(1)>');
      assert.equal(await page.locator('#search-results svg, #search-results img, #search-results script').count(), 0);
      await page.goto(url('/search/?q=helpful'));
      await page.locator('#search-results li a', { hasText: 'helpful_tool' }).waitFor({ timeout: 5000 });
      await page.mouse.move(100, 300);
      await page.waitForTimeout(300);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('serves every download format of a tool, and the machine-readable files', async () => {
    const context = await browser!.newContext({ acceptDownloads: true });
    try {
      const { page, problems } = await watchedPage(context);
      const tool = toolNamed(servers.get('acme-ops')!, 'run_query');
      await page.goto(url(`/tools/acme-ops/${tool.slug}/`));
      const [yaml] = await Promise.all([page.waitForEvent('download'), page.locator('a', { hasText: 'Download YAML' }).click()]);
      assert.equal(yaml.suggestedFilename(), `${tool.slug}.yaml`);
      assert.deepEqual(PolicySchema.parse(parseYaml(await readFile((await yaml.path())!, 'utf8'))), toolPolicy(tool));
      const [cedar] = await Promise.all([page.waitForEvent('download'), page.locator('a', { hasText: 'Download Cedar' }).click()]);
      assert.equal(cedar.suggestedFilename(), `${tool.slug}.cedar`);
      for (const path of ['/api/catalogue.json', '/api/servers/acme-ops.json', '/sitemap.xml', '/robots.txt', '/llms.txt']) {
        const r = await page.request.get(url(path));
        assert.equal(r.status(), 200, path);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('shows an unreachable server as unreachable, and a real 404', async () => {
    const context = await browser!.newContext();
    try {
      const { page } = await watchedPage(context);
      await page.goto(url('/servers/marketplace/'));
      const status = page.locator('#status');
      assert.ok(await status.isVisible());
      const text = await status.innerText();
      assert.match(text, /Unreachable/);
      assert.match(text, /cannot resolve cars\.rootz\.global/);
      const missing = await page.goto(url('/tools/nope/nothing/'));
      assert.equal(missing?.status(), 404);
      assert.equal(await page.locator('h1').innerText(), 'Page not found');
    } finally {
      await context.close();
    }
  });
});
