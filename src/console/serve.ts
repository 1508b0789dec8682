/**
 * `GET /console`: the operations console, the files `npm run build:console` put in dist/console
 * (`npm ci` builds them). The page loads only its own files and talks only to this origin, which
 * its Content-Security-Policy says; hashed assets are cached for good, the page itself revalidated.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSOLE_PATH = '/console';
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../dist/console/', import.meta.url));

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self' covers ws:/wss: to this host and port (CSP level 3).
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Only names the build makes: no directories, no dot-files, nothing to climb out with. */
const ASSET = /^\/console\/assets\/[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

export const isConsoleRoute = (route: string) =>
  route === CONSOLE_PATH || route.startsWith(`${CONSOLE_PATH}/`);

export function createConsoleHandler(dir: string = DEFAULT_CONSOLE_DIR) {
  const files = new Map<string, Buffer>();
  const load = async (name: string): Promise<Buffer | undefined> => {
    const cached = files.get(name);
    if (cached) return cached;
    const body = await readFile(join(dir, name)).catch(() => undefined);
    if (body) files.set(name, body);
    return body;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console is read with GET.\n');
      return;
    }
    const page = route === CONSOLE_PATH || route === `${CONSOLE_PATH}/`;
    if (!page && !ASSET.test(route)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found.\n');
      return;
    }
    const name = page ? 'index.html' : route.slice(CONSOLE_PATH.length + 1);
    const body = await load(name);
    if (!body) {
      const built = !page && (await load('index.html')) !== undefined;
      res.writeHead(built ? 404 : 503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        built
          ? 'Not found.\n'
          : `The console is not built: run \`npm run build:console\` (\`npm ci\` runs it), then reload.\n`,
      );
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': page ? 'no-cache' : 'public, max-age=31536000, immutable',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
