/** Shared helpers for the simulator tests: a token-carrying HTTP caller and a webhook receiver. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { WRITES, type WriteName } from '../../src/catena/bodies.ts';
import type { Simulator, SimulatorOptions } from '../../src/simulator/index.ts';
import { createSimulator } from '../../src/simulator/index.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

export interface CallOptions {
  json?: unknown;
  /** Raw body, sent as is (with `contentType`). */
  raw?: string;
  contentType?: string;
  query?: Record<string, string | number | boolean | (string | number)[]>;
  /** `false` = no Authorization header; a string = that header value. */
  auth?: false | string;
}

export const FORM = 'application/x-www-form-urlencoded';

export async function fetchToken(
  sim: Simulator,
  form = 'grant_type=client_credentials&client_id=dev&client_secret=dev&scope=organization',
) {
  const response = await request(sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: form,
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

export function toQuery(query: NonNullable<CallOptions['query']>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A caller that fetches a token once and sends it on every request. */
export function createApi(sim: Simulator) {
  let token: string | undefined;
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ) => {
    if (options.auth === undefined && token === undefined) {
      token = String((await fetchToken(sim)).body.access_token);
    }
    const headers: Record<string, string> = {};
    if (options.auth !== false) headers.authorization = options.auth ?? `Bearer ${token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await request(`${sim.url}${path}${toQuery(options.query ?? {})}`, {
      method: method as 'GET',
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.body.text();
    return {
      status: response.statusCode,
      headers: response.headers as IncomingHttpHeaders,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    } satisfies ApiResponse<T>;
  };
  return { call, refreshToken: () => (token = undefined) };
}

export async function startSimulator(options: SimulatorOptions = {}) {
  const sim = createSimulator(options);
  await sim.start();
  return { sim, api: createApi(sim) };
}

export interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: string;
  envelope: {
    version: string;
    event_name: string;
    data: Record<string, unknown>[];
    webhook_id: string;
    timestamp: string;
    id: string;
    delivery_attempt: number;
  };
}

/** A real HTTP server recording every (gunzipped) delivery; `respond` picks the status. */
export async function startReceiver(
  respond: (req: IncomingMessage, received: Received) => number | Promise<number> = () => 202,
) {
  const received: Received[] = [];
  let responder = respond;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body =
        req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      const entry: Received = {
        headers: req.headers,
        raw,
        body,
        envelope: JSON.parse(body) as Received['envelope'],
      };
      received.push(entry);
      Promise.resolve(responder(req, entry)).then(
        (status) => {
          if (!res.destroyed) res.writeHead(status).end();
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/catena`,
    received,
    setResponder(next: typeof respond) {
      responder = next;
    },
    /** Deliveries of one event name, optionally for one operation. */
    events(eventName: string, operationId?: string) {
      return received.filter(
        (r) =>
          r.envelope.event_name === eventName &&
          (operationId === undefined || r.envelope.data[0]?.id === operationId),
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Method and path of a write; updates address `id`. */
export function pathOf(name: WriteName, id?: string): { method: string; path: string } {
  const spec = WRITES[name];
  return spec.operation === 'create'
    ? { method: 'POST', path: spec.path }
    : { method: 'PATCH', path: `${spec.path}/${id}` };
}
