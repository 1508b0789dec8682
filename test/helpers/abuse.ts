import { connect } from 'node:net';
import { createClient, type SubscribePayload } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import type { TestGateway } from './gateway.ts';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, when there is one. */
  body?: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** One request to the real server, whatever it answers. */
export async function send(
  url: string,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const { path = '/graphql', method = 'POST', ...rest } = init;
  const res = await request(`${url}${path}`, { method: method as 'POST', ...rest });
  const text = await res.body.text();
  let body: Answer['body'];
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, headers: res.headers, body, text };
}

/** A JSON POST of `payload` (an operation, or an array of them for a batch). */
export const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(url, { headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(payload) });

/**
 * A POST written on a bare socket, for what HTTP clients refuse to send: a Content-Length far
 * above the bytes that follow. Resolves with the status and body the server answers before it
 * has read the body.
 */
export function rawPost(url: string, head: string, body: string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [headers = '', text = ''] = raw.split('\r\n\r\n');
      const status = Number(headers.split(' ')[1]);
      resolve({ status, headers: {}, body: text ? JSON.parse(text) : undefined, text });
    });
    socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\n${head}\r\n${body}`);
  });
}

/** Every request the simulator counted since the last reset (token requests included). */
export const upstreamCalls = (gw: TestGateway) =>
  Object.values(gw.sim.control.requestCounts()).reduce((sum, n) => sum + n, 0);

export const SMALL_QUERY = '{ connections(first: 1) { edges { node { catenaId } } } }';

/** `(open) { query { (nest) ... } }`: `levels` nested copies of `open`, closed again. */
export const nested = (levels: number, open: string, leaf: string) =>
  `{ ${open.repeat(levels)} ${leaf} ${'}'.repeat(levels * (open.split('{').length - 1))} }`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one operation over graphql-ws to its end. Its answer has no HTTP status: `body` is the first
 * result, or `{ errors }` when the server refused the subscription.
 */
export async function wsRun(url: string, payload: SubscribePayload): Promise<Answer> {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const results: NonNullable<Answer['body']>[] = [];
    for await (const result of client.iterate(payload)) results.push(result as NonNullable<Answer['body']>);
    return { status: 0, headers: {}, body: results[0], text: JSON.stringify(results) };
  } catch (errors) {
    return {
      status: 0,
      headers: {},
      body: { errors: errors as NonNullable<Answer['body']>['errors'] },
      text: '',
    };
  } finally {
    await client.dispose();
  }
}
