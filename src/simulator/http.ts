/**
 * Fastify plumbing shared by the route files: Catena routes (counted, fault-injectable, delayed by
 * `latencyMs`, bearer-protected), raw body parsing, Catena's error bodies, and 404/405 answers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { SimulatorContext } from './context.ts';
import { ErrorAnswer, errorBody, httpError, validationError } from './errors.ts';
import { isUuid } from './query.ts';
import type { FaultSpec } from './types.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A Catena route: counted, fault-injectable, delayed by `latencyMs`. */
    catena?: boolean;
    /** Requires `Authorization: Bearer <token>`. */
    auth?: boolean;
  }
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export interface CatenaRouter {
  route(method: HTTPMethods, url: string, handler: Handler, options?: { auth?: boolean }): void;
}

const CONTROL_PREFIX = '/_simulator';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/** Installs hooks and handlers on `app`; returns the registrar for Catena routes. */
export function installCatenaHttp(app: FastifyInstance, ctx: SimulatorContext): CatenaRouter {
  const patterns: { method: string; regexp: RegExp }[] = [];
  const afterFaults = new WeakMap<FastifyRequest, FaultSpec>();

  // Bodies stay raw strings: routes parse JSON or forms themselves so malformed JSON becomes
  // Catena's 422 json_invalid and any content type is accepted, as FastAPI does.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.catena) return;
    const route = request.routeOptions.url ?? request.url;
    ctx.counter.hit(request.method, route);
    const fault = ctx.faults.take(request.method, route);
    if (fault === undefined) return;
    if (fault.kind === 'status') {
      return reply
        .code(fault.status)
        .send(errorBody(fault.status, 'Simulated fault', fault.retryAfterSeconds ?? 1));
    }
    if (fault.phase === 'after') {
      afterFaults.set(request, fault);
      return;
    }
    if (fault.kind === 'drop') {
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    await ctx.scheduler.sleep(fault.delayMs);
  });

  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config.auth) ctx.tokens.verify(request.headers.authorization);
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.url.startsWith(CONTROL_PREFIX)) return payload;
    const after = afterFaults.get(request);
    if (after?.kind === 'drop') {
      request.raw.socket.destroy();
      return payload;
    }
    if (after?.kind === 'delay') await ctx.scheduler.sleep(after.delayMs);
    if (ctx.knobs.latencyMs > 0) await ctx.scheduler.sleep(ctx.knobs.latencyMs);
    return payload;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ErrorAnswer) {
      return reply.code(error.status).headers(error.headers).send(error.body);
    }
    const status =
      typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(status, error instanceof Error ? error.message : null));
    }
    return reply.code(500).send(errorBody(500));
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const otherMethod = patterns.some((p) => p.method !== request.method && p.regexp.test(path));
    const error = otherMethod ? httpError(405, 'Method Not Allowed') : httpError(404, 'Not Found');
    return reply.code(error.status).send(error.body);
  });

  return {
    route(method, url, handler, options = {}) {
      patterns.push({ method, regexp: patternToRegExp(url) });
      app.route({ method, url, handler, config: { catena: true, auth: options.auth ?? true } });
    },
  };
}

/** A path parameter that must be a UUID (422 at `path.<name>` otherwise), lower-cased. */
export function pathUuid(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, string | undefined>)[name] ?? '';
  if (!isUuid(value)) {
    throw validationError([
      {
        path: `path.${name}`,
        input: value,
        message: 'Input should be a valid UUID',
        error_type: 'uuid_parsing',
      },
    ]);
  }
  return value.toLowerCase();
}

/** The request body as JSON; `undefined` when there is none; 422 json_invalid when malformed. */
export function jsonBody(request: FastifyRequest): unknown {
  const raw = request.body;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (cause) {
    throw validationError([
      {
        path: 'body',
        input: raw.length > 200 ? `${raw.slice(0, 200)}...` : raw,
        message: `JSON decode error: ${cause instanceof Error ? cause.message : 'invalid JSON'}`,
        error_type: 'json_invalid',
      },
    ]);
  }
}
