import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/security/trusted-documents.ts';
import {
  type Answer,
  JSON_HEADERS,
  post,
  rawPost,
  SMALL_QUERY,
  send,
  sleep,
  upstreamCalls,
  wsRun,
} from '../helpers/abuse.ts';
import { type TestGateway, useGateway } from '../helpers/gateway.ts';

const RATE_WINDOW_MS = 1_000;
const TRUSTED_QUERY = SMALL_QUERY;
const trustedFile = join(tmpdir(), `trusted-${process.pid}-${Date.now()}.json`);
writeFileSync(trustedFile, JSON.stringify({ [sha256(TRUSTED_QUERY)]: TRUSTED_QUERY }));
const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

const gateways = {
  dev: useGateway({}, {}),
  production: useGateway({}, { NODE_ENV: 'production' }),
  trusted: useGateway({}, { GATEWAY_TRUSTED_DOCUMENTS_FILE: trustedFile }),
  limited: useGateway(
    {},
    { GATEWAY_RATE_LIMIT: '3' },
    { app: { security: { rateLimitWindowMs: RATE_WINDOW_MS } } },
  ),
};
type Name = keyof typeof gateways;

const CSRF = { 'x-graphql-yoga-csrf': '1' };
const query = (q: string, variables?: Record<string, unknown>) => (url: string) =>
  post(url, { query: q, variables }, { accept: 'application/graphql-response+json' });

const DEEP = `{ resourceOperations(first: 1) { edges { node { ${'connection { resourceOperations(first: 1) { edges { node { '.repeat(6)} id ${'} } } } '.repeat(6)} } } } }`;
const ALIASES = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const TOKENS = `{ ${'a '.repeat(100_000)}}`;
const DIRECTIVES = `{ __typename ${'@include(if: true) '.repeat(200)}}`;
const COST =
  '{ connections(first: 1000) { edges { node { resourceOperations(first: 1000) { edges { node { id } } } } } } }';
const COST_VARS =
  'query($n: Int) { connections(first: $n) { edges { node { resourceOperations(first: $n) { edges { node { id } } } } } } }';
// Each fragment spreads the next ten times: 10^5 copies of the last one once expanded.
const FRAGMENT_BOMB = `{ ...F0 } ${Array.from(
  { length: 5 },
  (_, i) => `fragment F${i} on Query { ${`...F${i + 1} `.repeat(10)}}`,
).join(' ')} fragment F5 on Query { connections(first: 10) { edges { node { id } } } }`;
const FRAGMENT_LIST = `{ ...F0 } ${Array.from({ length: 2_000 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`;

interface Case {
  name: string;
  on: Name;
  act: (url: string) => Promise<Answer>;
  /** HTTP status (none over graphql-ws). */
  status?: number;
  code?: string;
  message?: RegExp;
}
const refused = (
  name: string,
  on: Name,
  act: Case['act'],
  status?: number,
  code?: string,
  message?: RegExp,
): Case => ({ name, on, act, status, code, message });

const TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
const textPlain = { 'content-type': 'text/plain' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const multipart = { 'content-type': 'multipart/form-data; boundary=X', ...CSRF };
const get =
  (q: string, headers: Record<string, string> = {}) =>
  (url: string) =>
    send(url, { method: 'GET', path: `/graphql?query=${encodeURIComponent(q)}`, headers });
const chunked = async (url: string): Promise<Answer> => {
  const body = Readable.from([Buffer.from(JSON.stringify({ query: SMALL_QUERY }))]);
  const res = await request(`${url}/graphql`, { method: 'POST', headers: JSON_HEADERS, body });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body: JSON.parse(text), text };
};
const overRateLimit = async (url: string) => {
  for (let i = 0; i < 3; i++) expect((await post(url, { query: '{ __typename }' })).status).toBe(200);
  return post(url, { query: SMALL_QUERY });
};
const HUGE_DECLARED = 'Content-Type: application/json\r\nContent-Length: 1000000000\r\n';

const cases: Case[] = [
  refused('a query nested 24 deep', 'dev', query(DEEP), 400, TOO_COMPLEX, /depth limit of 12/),
  refused('500 aliases', 'dev', query(ALIASES), 400, TOO_COMPLEX, /Aliases limit/),
  refused('100,000 tokens', 'dev', query(TOKENS), 400, TOO_COMPLEX, /Token limit/),
  refused('200 directives', 'dev', query(DIRECTIVES), 400, TOO_COMPLEX, /Directives limit/),
  refused('a cost bomb: first 1000 of first 1000', 'dev', query(COST), 400, TOO_COMPLEX, /cost limit/),
  refused('a cost bomb through variables', 'dev', query(COST_VARS, { n: 1000 }), 400, TOO_COMPLEX, /cost/),
  refused('a fragment bomb', 'dev', query(FRAGMENT_BOMB), 400, TOO_COMPLEX, /(cost|depth) limit/),
  refused('a list of 2,000 fragments', 'dev', query(FRAGMENT_LIST), 400, TOO_COMPLEX, /Token limit/),
  refused(
    'variables over the body limit',
    'dev',
    query(SMALL_QUERY, { blob: 'x'.repeat(600_000) }),
    413,
    'PAYLOAD_TOO_LARGE',
  ),
  refused(
    'a declared 1 GB body, refused unread',
    'dev',
    (url) => rawPost(url, HUGE_DECLARED, '{'),
    413,
    'PAYLOAD_TOO_LARGE',
  ),
  refused('a chunked body without Content-Length', 'dev', chunked, 411, 'LENGTH_REQUIRED'),
  refused(
    'malformed JSON',
    'dev',
    (url) => send(url, { headers: JSON_HEADERS, body: '{"query": ' }),
    400,
    undefined,
    /invalid JSON/,
  ),
  refused(
    'an empty body',
    'dev',
    (url) => send(url, { headers: JSON_HEADERS, body: '' }),
    400,
    undefined,
    /invalid JSON/,
  ),
  refused(
    'a query that is not a string',
    'dev',
    (url) => post(url, { query: 42 }),
    400,
    undefined,
    /query.*string/i,
  ),
  refused('a syntax error', 'dev', query('{ connections('), 400, 'GRAPHQL_PARSE_FAILED'),
  refused(
    'text/plain, with the CSRF header',
    'dev',
    (url) => send(url, { headers: { ...textPlain, ...CSRF }, body: '{}' }),
    415,
  ),
  refused(
    'multipart without operations',
    'dev',
    (url) => send(url, { headers: multipart, body: '--X--\r\n' }),
    415,
  ),
  refused(
    'a mutation over GET',
    'dev',
    get('mutation { __typename }', CSRF),
    405,
    undefined,
    /mutation operation from a POST/,
  ),
  refused(
    'a batch of 11',
    'dev',
    (url) => post(url, Array(11).fill({ query: SMALL_QUERY })),
    413,
    undefined,
    /limited to 10/,
  ),
  refused(
    'CSRF: a text/plain POST without the header',
    'dev',
    (url) => send(url, { headers: textPlain, body: '{}' }),
    403,
    undefined,
    /CSRF/,
  ),
  refused(
    'CSRF: a form POST without the header',
    'dev',
    (url) => send(url, { headers: form, body: 'query=' }),
    403,
    undefined,
    /CSRF/,
  ),
  refused(
    'CSRF: a multipart POST without the header',
    'dev',
    (url) => send(url, { headers: { 'content-type': 'multipart/form-data; boundary=X' }, body: '--X--' }),
    403,
    undefined,
    /CSRF/,
  ),
  refused(
    'production: __schema',
    'production',
    query('{ __schema { types { name } } }'),
    400,
    undefined,
    /introspection has been disabled/,
  ),
  refused(
    'production: __type',
    'production',
    query('{ __type(name: "Query") { name } }'),
    400,
    undefined,
    /introspection has been disabled/,
  ),
  refused(
    'production: no field suggestions',
    'production',
    query('{ connectionz }'),
    400,
    undefined,
    /^Cannot query field "connectionz" on type "Query"\.$/,
  ),
  refused(
    'production: no GraphiQL page',
    'production',
    (url) => send(url, { method: 'GET', headers: { accept: 'text/html', ...CSRF } }),
    406,
  ),
  refused(
    'trusted documents: an arbitrary query',
    'trusted',
    query(SMALL_QUERY),
    400,
    'CANNOT_SEND_PQ_ID_AND_BODY',
  ),
  refused(
    'trusted documents: an unknown hash',
    'trusted',
    (url) => post(url, persisted(sha256('{ a }'))),
    400,
    'PERSISTED_QUERY_NOT_IN_LIST',
  ),
  refused(
    'trusted documents: neither query nor hash',
    'trusted',
    (url) => post(url, {}),
    400,
    'PERSISTED_QUERY_ID_REQUIRED',
  ),
  refused(
    'trusted documents: an unknown hash over graphql-ws',
    'trusted',
    (url) => wsRun(url, { query: '', ...persisted('0'.repeat(64)) }),
    undefined,
    'PERSISTED_QUERY_NOT_IN_LIST',
  ),
  refused(
    'trusted documents: a query over graphql-ws',
    'trusted',
    (url) => wsRun(url, { query: SMALL_QUERY }),
    undefined,
    'CANNOT_SEND_PQ_ID_AND_BODY',
  ),
  refused('a viewer over the rate limit', 'limited', overRateLimit, 429, 'RATE_LIMITED'),
];

/** A request every gateway must still answer with data after a refusal. */
async function probe(name: Name, gw: TestGateway): Promise<Answer> {
  if (name === 'trusted') return post(gw.url, persisted(sha256(TRUSTED_QUERY)));
  // The limited gateway answers again once its window has passed.
  if (name === 'limited') await sleep(RATE_WINDOW_MS + 50);
  return post(gw.url, { query: SMALL_QUERY });
}

describe('a bad-input matrix: each refused clearly, nothing sent to Catena, the server still healthy', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const gw = gateways[c.on];
    gw.resetCounts();
    const answer = await c.act(gw.url);
    expect(
      upstreamCalls(gw),
      `calls to Catena ${JSON.stringify(gw.sim.control.requestCounts())} ${answer.text}`,
    ).toBe(0);

    if (c.status !== undefined) expect(answer.status, answer.text).toBe(c.status);
    const errors = answer.body?.errors ?? [];
    if (c.code) expect(errors.map((e) => e.extensions?.code)).toContain(c.code);
    if (c.message) expect(errors.map((e) => e.message).join('\n')).toMatch(c.message);
    if (c.code === 'RATE_LIMITED') expect(errors[0]?.extensions?.retryAfterSeconds).toBe(1);
    if (!c.code && !c.message) expect(answer.text).not.toMatch(/<html/i);

    const health = await send(gw.url, { method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    const after = await probe(c.on, gw);
    expect(after.body?.errors).toBeUndefined();
    expect(after.body?.data).toBeTruthy();
  });

  it('has at least 28 cases', () => expect(cases.length).toBeGreaterThanOrEqual(28));
});

describe('error bodies', () => {
  it.each([
    ['production', 'application/json'],
    ['production', 'application/graphql-response+json'],
    ['dev', 'application/json'],
  ] as const)(
    'answer a malformed JSON body (%s, %s) with its message and code, and no parser internals',
    async (name, accept) => {
      const answer = await send(gateways[name].url, {
        headers: { ...JSON_HEADERS, accept },
        body: '{"query": ',
      });
      expect(answer.status).toBe(400);
      expect(answer.body?.errors).toEqual([
        { message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } },
      ]);
      expect(answer.text).not.toMatch(/originalError|SyntaxError|stack|is not valid JSON|position/);
    },
  );
});
