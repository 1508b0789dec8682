/**
 * The README's GraphQL is executable documentation: every ```graphql block is validated against
 * the schema and each of its operations is run, as pasted, against an embedded gateway with the
 * simulator's seed (what `npm start` runs). A ```json block right after a GraphQL block holds its
 * variables. Tab names the README mentions must be GraphiQL's.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { type OperationDefinitionNode, parse, validate } from 'graphql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleIdsFrom } from '../src/embedded.ts';
import { examples } from '../src/schema/examples.ts';
import { schema } from '../src/schema/index.ts';
import { useGateway } from './helpers/gateway.ts';
import { multipartBodies, postMultipart } from './helpers/incremental.ts';
import { disposeClients, next, wsClient } from './helpers/subscriptions.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

interface Block {
  line: number;
  source: string;
  variables?: Record<string, unknown>;
}

/** Every fenced block of `lang`, with the variables of a ```json block that directly follows it. */
function graphqlBlocks(markdown: string): Block[] {
  const fences = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```\n/gm)];
  const blocks: Block[] = [];
  fences.forEach((fence, i) => {
    if (fence[1] !== 'graphql') return;
    const following = fences[i + 1];
    const end = (fence.index ?? 0) + fence[0].length;
    const adjacent = following?.[1] === 'json' && markdown.slice(end, following.index).trim() === '';
    blocks.push({
      line: markdown.slice(0, fence.index).split('\n').length,
      source: fence[2] ?? '',
      variables: adjacent ? (JSON.parse(following?.[2] ?? '{}') as Record<string, unknown>) : undefined,
    });
  });
  return blocks;
}

/** Objects in an answer whose `__typename` is one of the error results. */
function errorResults(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(errorResults);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record.__typename === 'string' && record.__typename.endsWith('Error')
      ? [`${record.__typename}: ${String(record.message)}`]
      : [];
  return [...own, ...Object.values(record).flatMap(errorResults)];
}

const blocks = graphqlBlocks(README);

/** The ```ts blocks: whole scripts whose `console.log(...); // expected` lines say what they print. */
const scripts = [...README.matchAll(/^```ts\n([\s\S]*?)^```\n/gm)].map((m) => ({
  line: README.slice(0, m.index).split('\n').length,
  source: m[1] ?? '',
  prints: [...(m[1] ?? '').matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((p) => p[1] ?? ''),
}));
const operations = blocks.flatMap((block) =>
  parse(block.source)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
    .map((op) => ({ block, op, name: op.name?.value ?? '' })),
);

describe('README.md', () => {
  it('has GraphQL blocks, every operation named and no placeholder left in', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const { op, block } of operations)
      expect(op.name, `an unnamed operation at line ${block.line}`).toBeDefined();
    for (const block of blocks) expect(block.source, `line ${block.line}`).not.toMatch(/<[a-zA-Z]+>|…/);
  });

  it.each(blocks.map((b) => [b.line, b]))('the block at line %i is valid against the schema', (_, block) => {
    expect(validate(schema, parse(block.source)).map((e) => e.message)).toEqual([]);
  });

  it('names the GraphiQL tabs GraphiQL shows, in order', () => {
    const sentence = /Its tabs, each named by its first operation:([\s\S]*?)\.\n/.exec(README)?.[1] ?? '';
    const listed = [...sentence.matchAll(/`(\w+)`/g)].map((m) => m[1]);
    const tabs = examples().map((e) => e.name);
    expect(listed.filter((name) => name !== 'operationStatus')).toEqual(tabs);
    const mentioned = [...README.matchAll(/"(\w+)"(?: and "(\w+)")? tabs?\b/g)].flatMap((m) =>
      [m[1], m[2]].filter((n): n is string => n !== undefined),
    );
    expect(mentioned.length).toBeGreaterThan(0);
    for (const name of mentioned) expect(tabs).toContain(name);
  });
});

describe('every README operation runs as pasted against the embedded gateway', () => {
  const gateway = useGateway({}, {}, { deliverWebhooks: true });
  afterEach(disposeClients);

  // A newcomer runs GraphiQL's write tab first: the README's writes must not collide with it.
  beforeAll(async () => {
    const tab = examples(exampleIdsFrom(gateway.sim.fixtures)).find((e) => e.name === 'CreateVehicle');
    const writes = parse(tab?.query ?? '').definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    expect(writes.length).toBe(12);
    for (const op of writes) {
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: tab?.query, variables: tab?.variables, operationName: op.name?.value }),
      });
      const answer = (await res.json()) as { data?: unknown; errors?: unknown };
      expect(answer.errors, op.name?.value).toBeUndefined();
      expect(errorResults(answer.data), op.name?.value).toEqual([]);
    }
  });

  /** A write on the seed's Acme samsara connection, so that a live block has an event to see. */
  async function triggerOutcome() {
    const answer = await gateway.gql(
      `mutation { createTrailer(input: { connectionId: "1ad8cd6c-c4c6-54f8-9266-ca0a06b0fcfa", trailerName: "README trigger" }, mode: SYNC) { __typename } }`,
    );
    expect(answer.data).toEqual({ createTrailer: { __typename: 'CreateTrailerSuccess' } });
  }

  /** A document with `@defer` as a client reads it: multipart parts merged into one answer. */
  async function incremental(source: string, variables?: Record<string, unknown>) {
    const response = await postMultipart(gateway.url, source, variables);
    const bodies = await multipartBodies<{ data?: unknown; errors?: unknown[]; hasNext?: boolean }>(response);
    expect(bodies.length, 'an initial part and a deferred one').toBeGreaterThanOrEqual(2);
    expect(bodies.at(-1)?.hasNext).toBe(false);
    const errors = bodies.flatMap((b) => b.errors ?? []);
    return { status: response.status, data: bodies[0]?.data, errors: errors.length ? errors : undefined };
  }

  const queriesAndMutations = operations.filter((o) => o.op.operation !== 'subscription');
  it.each(queriesAndMutations.map((o) => [o.name, o]))('%s', async (_, { block, name }) => {
    for (const attempt of [1, 2]) {
      const answer = block.source.includes('@defer')
        ? await incremental(block.source, block.variables)
        : await gateway.gql(block.source, block.variables);
      expect(answer.errors, `attempt ${attempt}`).toBeUndefined();
      expect(answer.status).toBe(200);
      for (const [field, value] of Object.entries(answer.data ?? {}))
        expect(value, `${name}.${field} on attempt ${attempt}`).not.toBeNull();
      expect(errorResults(answer.data), `attempt ${attempt}`).toEqual([]);
    }
  });

  const subscriptions = operations.filter((o) => o.op.operation === 'subscription');
  it.each(subscriptions.map((o) => [o.name, o]))('%s', async (_, { block, name }) => {
    const client = wsClient(gateway.url);
    const results = client.iterate({ query: block.source, variables: block.variables, operationName: name });
    const first = next(results as Parameters<typeof next>[0], 10_000);
    // A live stream has nothing to say until something happens: make something happen.
    const trigger = new Promise((resolve) => setTimeout(resolve, 300)).then(triggerOutcome);
    const result = await first;
    await trigger;
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data ?? {}).every((v) => v !== null)).toBe(true);
  });

  it('the live blocks include both subscriptions', () => {
    expect(subscriptions.map((s) => s.name)).toEqual(['FollowOperationStatus', 'AcmeOutcomes']);
  });
});

describe('every README script runs as pasted (with the port of the test gateway)', () => {
  const gateway = useGateway({}, {}, { deliverWebhooks: true });
  const root = new URL('..', import.meta.url);
  const dir = new URL('.snippets/', new URL('./', import.meta.url));

  it('has scripts, each saying what it prints', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts) expect(script.prints.length, `line ${script.line}`).toBeGreaterThan(0);
  });

  it.each(scripts.map((s) => [s.line, s]))('the script at line %i', async (line, script) => {
    mkdirSync(dir, { recursive: true });
    const file = new URL(`readme-${line}.ts`, dir);
    const port = new URL(gateway.url).port;
    writeFileSync(file, script.source.replaceAll('127.0.0.1:4000', `127.0.0.1:${port}`));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file.pathname], {
        cwd: root.pathname,
        timeout: 20_000,
      });
      expect(stdout.trim().split('\n')).toEqual(script.prints);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
