/**
 * One catalogue of the codes a client can see (src/error-codes.ts), each documented in README's
 * "Error codes" table. The codes are collected from where they are written: every code literal of
 * the gateway's source (outside the simulator, whose codes are Catena's) and of the libraries that
 * answer for it (Yoga, the persisted-operations plugin, graphql-tools' executor). A code added to
 * any of them and not to the catalogue and the README fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/error-codes.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

const CODE = String.raw`['"\x60]([A-Z][A-Z0-9_]*)['"\x60]`;
/**
 * Where a code is written: `code: 'X'`, `code = 'X'`, `['code'] = 'X'` (and `||=`), and as the
 * code argument of a helper whose name says so: `new ClientError('X', …)`, `withCode('X')`,
 * `refuse(res, 411, 'X', …)`.
 */
const CODE_SITES = [
  new RegExp(String.raw`\bcode['"\x60]?\]?\s*(?:\|\|)?[:=]\s*${CODE}`, 'g'),
  new RegExp(String.raw`\b(?:\w*Error|withCode|refuse)\(\s*(?:[\w.]+,\s*)*${CODE}`, 'g'),
];
/** Catena client codes (src/catena/errors.ts): internal, mapped to UPSTREAM_* by src/errors.ts. */
const INTERNAL = /^CATENA_/;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ext);
    return ext.test(entry.name) ? [path] : [];
  });
}

/** Every code literal in `paths`, with where it was found. */
function codesIn(paths: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    for (const site of CODE_SITES) {
      for (const match of text.matchAll(site)) {
        const code = match[1] ?? '';
        if (!INTERNAL.test(code) && !found.has(code)) found.set(code, relative(ROOT, path));
      }
    }
  }
  return found;
}

const gatewaySource = files(join(ROOT, 'src'), /\.ts$/).filter(
  (p) => !p.includes(`${join('src', 'simulator')}`),
);

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
/** The libraries' own sources a client's answer can come from (their ESM builds). */
const librarySource = [
  join(packageDir('graphql-yoga'), 'esm'),
  join(packageDir('@graphql-yoga/plugin-persisted-operations'), 'esm'),
  join(
    dirname(require.resolve('@graphql-tools/executor', { paths: [packageDir('graphql-yoga')] })),
    '..',
    'esm',
  ),
].flatMap((dir) => files(dir, /\.js$/));
/** Library codes the gateway's configuration makes unreachable, and why. */
const UNREACHABLE: Record<string, string> = {
  REQUEST_ENTITY_TOO_LARGE:
    "Yoga's body limit and multipart are off (src/security/index.ts): the gateway's own guard answers PAYLOAD_TOO_LARGE",
};

/** The codes in the first column of README's "Error codes" table. */
function readmeCodes(): string[] {
  const section = README.split(/^## Error codes$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1] ?? '');
}

describe('error codes', () => {
  const catalogue = new Set<string>(ERROR_CODES);

  it('finds the codes where they are written (the collection itself works)', () => {
    const gateway = codesIn(gatewaySource);
    for (const code of ['BAD_USER_INPUT', 'UPSTREAM_ERROR', 'LENGTH_REQUIRED', 'TSP_REJECTED', 'CSRF'])
      expect([...gateway.keys()]).toContain(code);
    expect([...codesIn(librarySource).keys()]).toEqual(
      expect.arrayContaining(['BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'OPERATION_RESOLUTION_FAILURE']),
    );
  });

  it('catalogues every code the gateway source can send', () => {
    const missing = [...codesIn(gatewaySource)].filter(([code]) => !catalogue.has(code));
    expect(missing.map(([code, where]) => `${code} (${where})`)).toEqual([]);
  });

  it('catalogues every code Yoga, its plugins and the executor can send through the gateway', () => {
    const missing = [...codesIn(librarySource)].filter(
      ([code]) => !catalogue.has(code) && !UNREACHABLE[code],
    );
    expect(missing.map(([code, where]) => `${code} (${where})`)).toEqual([]);
  });

  it('documents every catalogued code in README, once, and nothing else', () => {
    const documented = readmeCodes();
    expect(documented.length, 'README has an "Error codes" table').toBeGreaterThan(0);
    expect(documented.filter((code, i) => documented.indexOf(code) !== i)).toEqual([]);
    expect([...catalogue].filter((code) => !documented.includes(code))).toEqual([]);
    expect(documented.filter((code) => !catalogue.has(code))).toEqual([]);
  });
});
