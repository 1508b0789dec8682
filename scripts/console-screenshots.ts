/**
 * `npm run screenshots`: the README's pictures of the operations console, taken in Debian's
 * Chromium from what `npm start` runs (the gateway and its embedded simulator, on free ports).
 * The console at 1280x800 with a failed write open, and at a phone's width. Writes docs/*.png.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { resolveConfig } from '../src/config.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = new URL('../docs/', import.meta.url);

const { config, embedded } = await resolveConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });
if (!embedded) throw new Error('unset CATENA_API_URL: the screenshots are of the embedded simulator');
const app = buildApp(config, { exampleIds: embedded.exampleIds });
const url = await app.start(0, '127.0.0.1');
embedded.deliverWebhooksTo(url, config.webhookSecrets[0] ?? '');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.goto(`${url}/console`);
  await page.locator('.count[data-loaded="true"]').waitFor();
  // A write that fails at the TSP, sent from the form, then opened from the table.
  const form = page.getByRole('region', { name: 'Send a write' });
  await form.getByLabel(/^connectionId/).selectOption(embedded.exampleIds.connectionId);
  await form.getByText(/^More fields/).click();
  await form.getByLabel(/^trailerName/).fill('Reefer 12');
  await form.getByLabel(/^notes/).fill('simulate-failure');
  await form.getByRole('button', { name: 'Send createTrailer' }).click();
  const failed = form.locator('.followed[data-status="FAILED"]');
  await failed.waitFor({ timeout: 20_000 });
  const id = await failed.getAttribute('data-id');
  await form.getByText(/^More fields/).click();
  await page.locator(`.viewport [role="row"][data-id="${id}"]`).click();
  await page
    .getByRole('region', { name: /^Operation/ })
    .locator('.timeline li')
    .nth(2)
    .waitFor();
  await page.screenshot({ path: new URL('console.png', OUT).pathname });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL('console-phone.png', OUT).pathname });
  console.log(`wrote ${new URL('console.png', OUT).pathname} and console-phone.png`);
} finally {
  await browser.close();
  await app.stop();
  await embedded.stop();
}
