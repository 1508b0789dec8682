/**
 * GraphiQL in a real browser (Debian's Chromium, driven by playwright-core): the page renders from
 * the gateway alone, with no request to another host; the first tab holds the first example and
 * runs; a live tab streams, and a second event arrives; the write-and-await tab shows its deferred outcome.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleIdsFrom } from '../../src/embedded.ts';
import { examples } from '../../src/schema/examples.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { writableConnection } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) {
  throw new Error(
    `CI must run the browser tests, and there is no Chromium at ${CHROMIUM} (.ci/run installs it)`,
  );
}
const reason = present ? '' : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

describe.skipIf(!present)(`GraphiQL in Chromium${reason}`, () => {
  // The write tabs' variables hold the seed's ids, as under `npm start` (the seed is deterministic).
  const exampleIds = exampleIdsFrom(createSimulator().fixtures);
  const gw = useGateway({ processingMs: 400 }, {}, { deliverWebhooks: true, app: { exampleIds } });
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const origin = new URL(gw.url).origin;
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))
        foreign.push(url);
    });
    await page.goto(`${gw.url}/graphql`, { waitUntil: 'load' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Monaco lays text out with non-breaking spaces. */
  const text = async (selector: string) =>
    ((await page.locator(selector).textContent()) ?? '').replaceAll('\u00a0', ' ');
  const waitForResponse = (text: string) =>
    page.waitForFunction(
      (t) => document.querySelector('.graphiql-response')?.textContent?.includes(t),
      text,
      {
        timeout: 30_000,
      },
    );

  /** Clicks a tab until the editor shows it (a loaded machine may drop the first click). */
  const openTab = (name: string, shows: string) =>
    expect
      .poll(
        async () => {
          await page.locator('.graphiql-tab', { hasText: name }).click();
          return text('.graphiql-query-editor');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain(shows);

  it('shows one tab per example, the first holding the first example', async () => {
    await page.locator('.graphiql-tab').first().waitFor();
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(examples().map((e) => e.name));
    expect(await text('.graphiql-query-editor')).toContain('query Connections($after: String)');
  });

  it('runs the first tab and shows data', async () => {
    await page.locator('.graphiql-execute-button').click();
    await waitForResponse('catenaId');
    expect(await text('.graphiql-response')).toContain('"fleetRef"');
  });

  it('streams a live tab: a write shows CREATED, then SUCCEEDED', { timeout: 90_000 }, async () => {
    await openTab('LiveEvents', 'subscription LiveEvents');
    // The subscription is open once the gateway counts it. On a loaded machine the editor may take
    // the first click before it is ready to run, so a click that opened nothing is repeated.
    for (let attempt = 0; gw.app.stats().subscribers === 0; attempt++) {
      if (attempt === 4) throw new Error('GraphiQL opened no subscription after 4 clicks on Run');
      await page.locator('.graphiql-execute-button').click();
      const until = Date.now() + 8_000;
      while (gw.app.stats().subscribers === 0 && Date.now() < until) await page.waitForTimeout(100);
    }
    const connectionId = writableConnection(gw.sim.fixtures).id;
    const write = await gw.gql<{ createTrailer: { __typename: string } }>(
      'mutation Browser($c: UUID!) { createTrailer(input: { connectionId: $c, trailerName: "Browser test" }) { __typename } }',
      { c: connectionId },
    );
    expect(write.data?.createTrailer.__typename).toBe('CreateTrailerSuccess');
    await waitForResponse('CREATED');
    await waitForResponse('SUCCEEDED');
    // While a subscription runs, the Run button stops it: leave the tab with nothing running.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => gw.app.stats().subscribers, { timeout: 10_000 }).toBe(0);
  });

  it('runs the write-and-await tab: PENDING at once, then the deferred outcome', {
    timeout: 60_000,
  }, async () => {
    await openTab('WriteAndAwait', 'mutation WriteAndAwait');
    // GraphiQL reads the operation's name from the editor a moment after the tab's text shows; a
    // click before that sends the previous tab's name ("Cannot infer operation ..."), so such a run
    // is repeated once the name has caught up.
    for (let attempt = 0; ; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      const outcome = await page
        .waitForFunction(
          () => {
            const shown = (document.querySelector('.graphiql-response')?.textContent ?? '').replaceAll(
              '\u00a0',
              ' ',
            );
            return shown.includes('"settled"')
              ? 'settled'
              : shown.includes('Cannot infer operation') && 'raced';
          },
          undefined,
          { timeout: 30_000 },
        )
        .then((handle) => handle.jsonValue())
        .catch(async (error) => {
          throw new Error(`${error}; the response shows: ${await text('.graphiql-response')}`);
        });
      if (outcome === 'settled') break;
      if (attempt === 3) throw new Error("GraphiQL sent the previous tab's operation name 4 times");
      await page.waitForTimeout(500);
    }
    const response = await text('.graphiql-response');
    expect(response).toContain('"status": "PENDING"');
    expect(response).toMatch(/"settled": \{\s*"status": "SUCCESS"/);
  });

  it('made no request to another host', () => {
    expect(foreign).toEqual([]);
  });
});
