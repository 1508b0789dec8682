/**
 * The operations console in a real browser (Debian's Chromium, driven by playwright-core), against
 * a gateway and the simulator over real HTTP and WebSocket. The page is loaded through a TCP proxy
 * the test can cut, so that a dropped connection is a real one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { DEFAULT_CONSOLE_DIR } from '../../src/console/serve.ts';
import { createLogger } from '../../src/logger.ts';
import { writableConnection } from '../fixtures/write-bodies.ts';
import { apiKeysFile } from '../helpers/auth.ts';
import { useGateway } from '../helpers/gateway.ts';
import { type TcpProxy, tcpProxy } from '../helpers/tcp-proxy.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) {
  throw new Error(
    `CI must run the browser tests, and there is no Chromium at ${CHROMIUM} (.ci/run installs it)`,
  );
}
if (present && !existsSync(join(DEFAULT_CONSOLE_DIR, 'index.html'))) {
  throw new Error('The console is not built: `npm run build:console` (`npm ci` runs it through `prepare`)');
}
const reason = present ? '' : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

const CREATE_TRAILER = `mutation Console($c: UUID!, $name: String) {
  createTrailer(input: { connectionId: $c, trailerName: $name }) {
    ... on CreateTrailerSuccess { operation { catenaId } }
    ... on Error { code message }
  }
}`;

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Every row the table has in the DOM (it renders those in view, and a few more). */
const domRows = (page: Page) =>
  page.$$eval('.viewport [role="row"]', (rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-id') ?? '', status: r.getAttribute('data-status') ?? '' })),
  );

/** For each id, the statuses of the rows the table shows for it (one row each, when all is well). */
const statusesOf = async (page: Page, ids: string[]) => {
  const rows = await domRows(page);
  return ids.map((id) => rows.filter((r) => r.id === id).map((r) => r.status));
};

/** The row at the top edge of the table's view. */
const topRow = (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector('.viewport') as HTMLElement;
    const top = viewport.getBoundingClientRect().top;
    const row = [...viewport.querySelectorAll('[role="row"]')].find(
      (r) => Math.abs(r.getBoundingClientRect().top - top) < 2,
    );
    return row?.getAttribute('data-id');
  });

const loaded = (page: Page) => page.locator('.count[data-loaded="true"]').waitFor({ timeout: 20_000 });

describe.skipIf(!present)(`The operations console in Chromium${reason}`, () => {
  const gw = useGateway({ processingMs: 600 }, {}, { deliverWebhooks: true });
  let browser: Browser;
  let page: Page;
  let proxy: TcpProxy;
  const foreign: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    proxy = await tcpProxy(gw.url);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${proxy.url}/`) && !url.startsWith('data:') && !url.startsWith('ws://127.0.0.1'))
        foreign.push(url);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
        problems.push(message.text());
    });
    await page.goto(`${proxy.url}/console`, { waitUntil: 'load' });
  }, 60_000);
  let restarted: App | undefined;
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await restarted?.stop();
  });

  const connectionId = () => writableConnection(gw.sim.fixtures).id;
  const write = async (name: string) => {
    const answer = await gw.gql<{ createTrailer: { operation?: { catenaId: string } } }>(CREATE_TRAILER, {
      c: connectionId(),
      name,
    });
    const id = answer.data?.createTrailer.operation?.catenaId;
    if (!id) throw new Error(`the write was refused: ${JSON.stringify(answer)}`);
    return id;
  };

  it('fills the table with the window, newest first, and says it is live', async () => {
    await loaded(page);
    const window = await gw.gql<{ resourceOperations: { edges: { node: { catenaId: string } }[] } }>(
      '{ resourceOperations(first: 1000) { edges { node { catenaId } } } }',
    );
    const expected = window.data?.resourceOperations.edges.map((e) => e.node.catenaId) ?? [];
    expect(expected.length).toBeGreaterThan(10);
    expect(Number(await page.locator('.count').getAttribute('data-rows'))).toBe(expected.length);
    const shown = await domRows(page);
    // Catena lists oldest first; the console shows the newest first.
    expect(shown[0]?.id).toBe(expected.at(-1));
    expect(shown[1]?.id).toBe(expected.at(-2));
    await expect.poll(() => page.locator('[role="status"]').getAttribute('data-live')).toBe('live');
    expect(await page.getByRole('status').textContent()).toContain('Live');
  });

  it('shows an operation with its payload and its attempts', async () => {
    const failed = page.locator('.viewport [role="row"][data-status="FAILED"]').first();
    const id = await failed.getAttribute('data-id');
    await failed.click();
    const detail = page.getByRole('region', { name: /^Operation/ });
    await expect.poll(() => detail.textContent()).toContain(id ?? 'no failed row');
    await detail.getByRole('list', { name: 'Attempts, oldest first' }).waitFor();
    expect(await detail.locator('pre.payload').textContent()).toMatch(/^\{/);
    await detail.getByRole('button', { name: 'Close the operation' }).click();
    expect(await page.getByRole('region', { name: /^Operation/ }).count()).toBe(0);
  });

  it('counts failures by TSP and error type over the window', async () => {
    const chart = page.getByRole('region', { name: 'Failures by TSP' });
    const failedRows = await gw.gql<{
      resourceOperations: { edges: { node: { status: string } }[] };
    }>('{ resourceOperations(first: 1000) { edges { node { status } } } }');
    const failures = failedRows.data?.resourceOperations.edges.filter(
      (e) => e.node.status === 'FAILED',
    ).length;
    expect(await chart.textContent()).toContain(`${failures} of`);
    const bars = await chart
      .locator('.bars li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
    expect(bars.length).toBeGreaterThan(0);
    const sum = bars.reduce((n, label) => n + Number(/: (\d+) failed/.exec(label)?.[1] ?? 0), 0);
    expect(sum).toBe(failures);
  });

  it('sends a write from the form and watches it go PENDING, then SUCCESS', { timeout: 30_000 }, async () => {
    const form = page.getByRole('region', { name: 'Send a write' });
    await form.getByLabel('Write', { exact: true }).selectOption('createTrailer');
    await form.getByLabel(/^connectionId/).selectOption(connectionId());
    await form.getByText(/^More fields/).click();
    await form.getByLabel(/^trailerName/).fill('Sent from the console');
    await form.getByRole('button', { name: 'Send createTrailer' }).click();
    const followed = form.locator('.followed');
    await followed.waitFor();
    const id = await followed.getAttribute('data-id');
    expect(await followed.getAttribute('data-status')).toBe('PENDING');
    await expect.poll(() => followed.getAttribute('data-status'), { timeout: 15_000 }).toBe('SUCCESS');
    const states = await followed.getByRole('list', { name: 'States' }).locator('li').allInnerTexts();
    expect(states.map((s) => s.split(/\s/)[0])).toEqual(['pending', 'success']);
    // The table has the row too, updated in place.
    await expect
      .poll(async () => (await domRows(page)).filter((r) => r.id === id).map((r) => r.status))
      .toEqual(['SUCCESS']);
  });

  it('shows the three TSP attempts of a simulate-failure write', { timeout: 30_000 }, async () => {
    const form = page.getByRole('region', { name: 'Send a write' });
    await form.getByLabel(/^trailerName/).fill('Failing from the console');
    await form.getByLabel(/^notes/).fill('simulate-failure');
    await form.getByRole('button', { name: 'Send createTrailer' }).click();
    const followed = form.locator('.followed[data-status="FAILED"]');
    await followed.waitFor({ timeout: 15_000 });
    const id = (await followed.getAttribute('data-id')) ?? '';
    expect(await followed.locator('.failure-logs li').allInnerTexts()).toHaveLength(3);
    await page.locator(`.viewport [role="row"][data-id="${id}"]`).click();
    const attempts = page.getByRole('region', { name: /^Operation/ }).locator('.timeline li');
    await expect.poll(() => attempts.count(), { timeout: 10_000 }).toBe(3);
    for (const text of await attempts.allInnerTexts()) expect(text).toContain('tsp error');
  });

  it('refuses a value that does not parse before sending anything', async () => {
    const form = page.getByRole('region', { name: 'Send a write' });
    gw.resetCounts();
    await form.getByLabel(/^modelYear/).fill('19.5');
    await form.getByRole('button', { name: 'Send createTrailer' }).click();
    expect(await form.getByRole('alert').textContent()).toContain('modelYear: a whole number');
    expect(gw.count('POST /v2/telematics/trailers')).toBe(0);
    // Editing the field takes the message away.
    await form.getByLabel(/^modelYear/).fill('');
    expect(await form.getByRole('alert').count()).toBe(0);
  });

  it('keeps the rows in view still when a new operation arrives above them', {
    timeout: 20_000,
  }, async () => {
    const viewport = page.locator('.viewport');
    await viewport.evaluate((v) => {
      v.scrollTop = 36 * 5;
    });
    await page.waitForTimeout(100);
    const before = await topRow(page);
    expect(before).toBeTruthy();
    const rowsBefore = Number(await page.locator('.count').getAttribute('data-rows'));
    await write('Arrives above');
    await expect.poll(() => page.locator('.count').getAttribute('data-rows')).toBe(String(rowsBefore + 1));
    const after = await topRow(page);
    expect(after).toBe(before);
    await viewport.evaluate((v) => {
      v.scrollTop = 0;
    });
  });

  it('resumes after a dropped connection with no missing row', { timeout: 60_000 }, async () => {
    const status = page.locator('[role="status"]');
    proxy.cut();
    await expect.poll(() => status.getAttribute('data-live'), { timeout: 10_000 }).toBe('reconnecting');
    // Written while the page is cut off; the gateway logs their events.
    const missed = [await write('While away 1'), await write('While away 2'), await write('While away 3')];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy.restore();
    await expect.poll(() => status.getAttribute('data-live'), { timeout: 15_000 }).toBe('live');
    await expect
      .poll(async () => (await statusesOf(page, missed)).map((s) => s.length), { timeout: 15_000 })
      .toEqual([1, 1, 1]);
    // And they settle in place, once each.
    await expect
      .poll(async () => (await statusesOf(page, missed)).map((s) => s[0]), { timeout: 15_000 })
      .toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    const all = await domRows(page);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('reads the window again when the gateway it comes back to cannot resume the feed', {
    timeout: 60_000,
  }, async () => {
    const status = page.locator('[role="status"]');
    proxy.cut();
    await expect.poll(() => status.getAttribute('data-live'), { timeout: 10_000 }).toBe('reconnecting');
    // Written before the gateway "restarts": a new one, whose event log has none of the events seen.
    const missed = [await write('Before the restart 1'), await write('Before the restart 2')];
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    restarted = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: gw.sim.url, tokenUrl: gw.sim.tokenUrl } },
      { logger: createLogger('silent') },
    );
    const url = await restarted.start(0, '127.0.0.1');
    gw.sim.control.registerWebhook({ url: `${url}/webhooks/catena`, secret: config.webhookSecrets[0] ?? '' });
    proxy.retarget(url);
    proxy.restore();
    await expect.poll(() => status.getAttribute('data-live'), { timeout: 15_000 }).toBe('live');
    await expect
      .poll(async () => (await statusesOf(page, missed)).map((s) => s.join()), { timeout: 15_000 })
      .toEqual(['SUCCESS', 'SUCCESS']);
    expect(await page.locator('.banner').allInnerTexts()).toEqual([]);
    // And the feed is live on the new gateway.
    const after = await write('After the restart');
    await expect
      .poll(async () => (await domRows(page)).filter((r) => r.id === after).length, { timeout: 10_000 })
      .toBe(1);
  });

  it('is usable by keyboard: every control has a label, rows open with Enter', async () => {
    const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
      controls
        .filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label'))
        .map((c) => c.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const firstRow = page.locator('.viewport [role="row"]').first();
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    const second = (await domRows(page))[1]?.id;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(second);
    await page.keyboard.press('End');
    const total = Number(await page.locator('.count').getAttribute('data-rows'));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')))
      .toBe(String(total + 1));
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')))
      .toBe('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: /^Operation/ }).textContent()).toContain(second);
  });

  it('fits a phone width with no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Nor does anything stick out of its column, to be clipped: the table's rows, the panels.
    const wider = await page.$$eval('.row.head, .viewport [role="row"], .panel, .filters, .top', (items) =>
      items.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.className),
    );
    expect(wider).toEqual([]);
    expect(await page.locator('.viewport [role="row"]').count()).toBeGreaterThan(3);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('scrolls 10,000 rows with only those in view in the page', { timeout: 90_000 }, async () => {
    gw.sim.control.seedOperations({ count: 10_000 });
    // A new window reads the operations again (the seeded ones are of the last 3 hours).
    await page.getByLabel('Window').selectOption('6h');
    const count = page.locator('.count');
    await expect
      .poll(
        async () =>
          (await count.getAttribute('data-loaded')) === 'true' &&
          Number(await count.getAttribute('data-rows')),
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThanOrEqual(10_000);
    const total = Number(await count.getAttribute('data-rows'));
    expect((await domRows(page)).length).toBeLessThan(60);
    const viewport = page.locator('.viewport');
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await viewport.evaluate((v, f) => {
        v.scrollTop = (v.scrollHeight - v.clientHeight) * f;
      }, fraction);
      await page.waitForTimeout(50);
      const rows = await domRows(page);
      expect(rows.length).toBeLessThan(60);
      expect(rows.length).toBeGreaterThan(10);
    }
    // At the bottom: the oldest operation of the window.
    const last = await page.locator('.viewport [role="row"]').last().getAttribute('aria-rowindex');
    expect(Number(last)).toBe(total + 1);
  });

  it('loaded nothing from another host and broke no Content-Security-Policy rule', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!present)(`The console behind API-key auth${reason}`, () => {
  const keys = apiKeysFile([{ id: 'operator', scopes: ['read', 'write', 'subscribe'] }]);
  const gw = useGateway({}, { GATEWAY_AUTH: 'api-key', GATEWAY_API_KEYS_FILE: keys.path });
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('reads nothing without a credential, everything with one, and keeps it in the page only', {
    timeout: 40_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${gw.url}/console`);
    await page.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await page.locator('.count').getAttribute('data-rows')).toBe('0');
    await expect.poll(() => page.locator('[role="status"]').getAttribute('data-live')).toBe('refused');
    await page.getByLabel('API key or JWT').fill('cgw_not-a-key');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.locator('[role="status"]').getAttribute('data-live')).toBe('refused');
    expect(await page.getByRole('alert').textContent()).toMatch(/refused|credential|authenticat/i);
    expect(await page.locator('.count').getAttribute('data-rows')).toBe('0');
    await page.getByLabel('API key or JWT').fill(keys.keys.operator ?? '');
    await page.getByRole('button', { name: 'Connect' }).click();
    await loaded(page);
    expect(Number(await page.locator('.count').getAttribute('data-rows'))).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[role="status"]').getAttribute('data-live')).toBe('live');
    const kept = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
      url: location.href,
    }));
    expect(kept).toEqual({ local: 0, session: 0, cookies: '', url: `${gw.url}/console` });
    await page.close();
  });
});
