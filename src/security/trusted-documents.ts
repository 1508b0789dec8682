/**
 * Trusted documents (persisted operations): with GATEWAY_TRUSTED_DOCUMENTS_FILE, a JSON object
 * `{ "<sha256 hex of the document>": "<document>" }`, only those documents run. Clients send the
 * hash Apollo-style, `extensions: { persistedQuery: { version: 1, sha256Hash } }`, and no `query`.
 *
 * HTTP and SSE go through Yoga's plugin, which works on the request's params. graphql-ws does not:
 * src/subscriptions/graphql-ws.ts parses `params.query` itself through `yoga.getEnveloped`, past
 * Yoga's params hook. So the same rule is applied there in the envelope's parse and validate
 * hooks, keyed on the context's `transport: 'ws'`. The protocol requires a `query` string, so a
 * graphql-ws client sends `query: ""` with the hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { type DocumentNode, GraphQLError, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';

const fileSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase sha256 hex'), z.string());

/** Reads and checks the file: every key must be the sha256 of its document. Throws at start. */
export function loadTrustedDocuments(path: string): Map<string, string> {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const wrong = Object.entries(parsed.data).filter(([hash, document]) => sha256(document) !== hash);
  if (wrong.length > 0) {
    throw new Error(
      `${path}: these keys are not the sha256 of their document: ${wrong.map(([h]) => h).join(', ')}`,
    );
  }
  return new Map(Object.entries(parsed.data));
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const ERRORS = {
  notFound: { code: 'PERSISTED_QUERY_NOT_IN_LIST', message: 'This document is not trusted by the gateway.' },
  persistedQueryOnly: {
    code: 'CANNOT_SEND_PQ_ID_AND_BODY',
    message: 'Only trusted documents run here: send extensions.persistedQuery.sha256Hash, not a query.',
  },
  keyNotFound: {
    code: 'PERSISTED_QUERY_ID_REQUIRED',
    message: 'Only trusted documents run here: send extensions.persistedQuery { version: 1, sha256Hash }.',
  },
} as const;

/** A fresh error each time (Yoga adds to the extensions of the errors it handles). */
const refusal = (kind: keyof typeof ERRORS, http?: boolean) =>
  new GraphQLError(ERRORS[kind].message, {
    extensions: { code: ERRORS[kind].code, ...(http ? { http: { status: 400 } } : {}) },
  });

interface WsContext {
  transport?: string;
  params?: { query?: string; extensions?: Record<string, unknown> | null };
}

function hashOf(extensions: Record<string, unknown> | null | undefined): string | undefined {
  const persisted = extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string'
    ? persisted.sha256Hash
    : undefined;
}

export function useTrustedDocuments(documents: Map<string, string>): Plugin[] {
  const parsed = new Map<string, DocumentNode>();
  const refused = new WeakMap<object, GraphQLError>();
  // What a refused graphql-ws subscription "parses" to; validation then answers the refusal.
  const placeholder = parse('{ __typename }');

  const wsDocument = (context: WsContext): DocumentNode | GraphQLError => {
    const hash = hashOf(context.params?.extensions);
    if (context.params?.query) return refusal('persistedQueryOnly');
    if (!hash) return refusal('keyNotFound');
    const source = documents.get(hash);
    if (source === undefined) return refusal('notFound');
    let document = parsed.get(hash);
    if (!document) {
      document = parse(source);
      parsed.set(hash, document);
    }
    return document;
  };

  return [
    usePersistedOperations({
      getPersistedOperation: (hash) => documents.get(hash) ?? null,
      allowArbitraryOperations: false,
      customErrors: {
        notFound: () => refusal('notFound', true),
        persistedQueryOnly: () => refusal('persistedQueryOnly', true),
        keyNotFound: () => refusal('keyNotFound', true),
      },
    }),
    {
      onParse({ context, setParsedDocument }) {
        const ws = context as WsContext;
        if (ws.transport !== 'ws') return;
        const document = wsDocument(ws);
        if (document instanceof GraphQLError) {
          refused.set(context, document);
          setParsedDocument(placeholder);
        } else {
          setParsedDocument(document);
        }
      },
      onValidate({ context, setResult }) {
        const error = refused.get(context);
        if (error) setResult([error]);
      },
    },
  ];
}
