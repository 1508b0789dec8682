/**
 * How the gateway serves the console's files: the page and its hashed assets with a
 * Content-Security-Policy, nothing else under /console, and a clear 503 when the build is missing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleHandler } from '../../src/console/serve.ts';

async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const handler = createConsoleHandler(dir);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the console files', () => {
  const built = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(built, 'secret.txt'), 'not an asset');
  const servers: Server[] = [];
  let url = '';
  let missing = '';
  beforeAll(async () => {
    const one = await serve(built);
    const none = await serve(join(built, 'not-built'));
    servers.push(one.server, none.server);
    url = one.url;
    missing = none.url;
  });
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it('serves the page with its policy, revalidated', async () => {
    for (const path of ['/console', '/console/']) {
      const res = await request(`${url}${path}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
      expect(String(res.headers['content-security-policy'])).toContain("connect-src 'self'");
      expect(await res.body.text()).toContain('<title>console</title>');
    }
  });

  it('serves a hashed asset for good, and answers HEAD without a body', async () => {
    const res = await request(`${url}/console/assets/index-abc123.js`);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(await res.body.text()).toBe('console.log(1)');
    const head = await request(`${url}/console/assets/index-abc123.js`, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(await head.body.text()).toBe('');
  });

  it('serves nothing else: other files, climbing out, other methods', async () => {
    for (const path of [
      '/console/secret.txt',
      '/console/assets/missing.js',
      '/console/assets/../secret.txt',
      '/console/assets/%2e%2e%2fsecret.txt',
      '/console/assets/.hidden',
    ]) {
      const res = await request(`${url}${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(await res.body.text()).toBe('Not found.\n');
    }
    const post = await request(`${url}/console`, { method: 'POST', body: 'x' });
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    await post.body.dump();
  });

  it('says how to build it when the build is missing', async () => {
    const res = await request(`${missing}/console`);
    expect(res.statusCode).toBe(503);
    expect(await res.body.text()).toContain('npm run build:console');
  });
});
