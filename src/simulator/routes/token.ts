/** Keycloak's client-credentials token endpoint, at Catena's own path (api-facts §5.1). */
import type { FastifyReply } from 'fastify';
import { GRANTED_SCOPE, TOKEN_PATH } from '../auth.ts';
import type { SimulatorContext } from '../context.ts';
import type { CatenaRouter } from '../http.ts';

const REQUIRED = ['grant_type', 'client_id', 'client_secret', 'scope'] as const;

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error, error_description: description });
}

export function registerTokenRoute(router: CatenaRouter, ctx: SimulatorContext): void {
  router.route(
    'POST',
    TOKEN_PATH,
    async (request, reply) => {
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const missing = REQUIRED.find((name) => !form.get(name));
      if (missing) return oauthError(reply, 400, 'invalid_request', `Missing form parameter: ${missing}`);
      if (
        form.get('client_id') !== ctx.options.clientId ||
        form.get('client_secret') !== ctx.options.clientSecret
      ) {
        return oauthError(reply, 401, 'invalid_client', 'Invalid client or Invalid client credentials');
      }
      if (form.get('grant_type') !== 'client_credentials') {
        return oauthError(reply, 400, 'unsupported_grant_type', 'Unsupported grant_type');
      }
      const unknownScopes = (form.get('scope') ?? '')
        .split(/\s+/)
        .filter((s) => s !== '' && s !== 'organization');
      if (unknownScopes.length > 0) {
        return oauthError(reply, 400, 'invalid_scope', `Invalid scopes: ${unknownScopes.join(' ')}`);
      }
      const ttl = ctx.knobs.tokenTtlSeconds;
      return reply.header('cache-control', 'no-store').send({
        access_token: ctx.tokens.issue(ttl),
        expires_in: ttl,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope: GRANTED_SCOPE,
      });
    },
    { auth: false },
  );
}
