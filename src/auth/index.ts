/**
 * Client authentication (GATEWAY_AUTH): `off` (everyone is the anonymous viewer), `api-key` or
 * `jwt`, all ending in the same Viewer. Credentials come as `Authorization: Bearer <credential>` on
 * HTTP and SSE, and as `{ "authorization": "Bearer <credential>" }` in the graphql-ws
 * `connection_init` payload.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import { operationToRun, refuseBeforeRunning } from '../security/before-running.ts';
import { createApiKeyVerifier, loadApiKeys } from './api-keys.ts';
import { createJwtVerifier } from './jwt.ts';
import { ANONYMOUS, type Scope, type Viewer } from './viewer.ts';

export interface Authenticator {
  /** The viewer for an `Authorization` value; throws `unauthenticated()` when it does not check out. */
  authenticate(authorization: string | null | undefined): Promise<Viewer>;
}

/** HTTP 401 with a GraphQL body (GraphQL over HTTP); the message never echoes the credential. */
export function unauthenticated(
  message = 'Authentication required: send Authorization: Bearer <credential>',
) {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'www-authenticate': 'Bearer realm="catena-gateway"' } },
    },
  });
}

export async function createAuthenticator(auth: Config['auth']): Promise<Authenticator> {
  if (auth.mode === 'off') return { authenticate: async () => ANONYMOUS };
  const verify =
    auth.mode === 'api-key'
      ? (() => {
          if (!auth.apiKeysFile)
            throw new Error('GATEWAY_API_KEYS_FILE is required when GATEWAY_AUTH=api-key');
          return loadApiKeys(auth.apiKeysFile).then((entries) => {
            const check = createApiKeyVerifier(entries);
            return async (credential: string) => check(credential);
          });
        })()
      : Promise.resolve(createJwtVerifier(auth.jwt ?? {}));
  const check = await verify;
  return {
    async authenticate(authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match?.[1]) throw unauthenticated();
      const viewer = await check(match[1]);
      if (!viewer) throw unauthenticated('The credential is not valid');
      return viewer;
    },
  };
}

/** The scope each kind of operation needs; mutations are checked per field (a ForbiddenError result). */
const NEEDS: Partial<Record<string, Scope>> = { query: 'read', subscription: 'subscribe' };

export function forbidden(message: string) {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** Refuses queries without `read` and subscriptions without `subscribe`, before anything runs. */
export function useScopes(): Plugin {
  return refuseBeforeRunning((args) => {
    const kind = operationToRun(args)?.operation.operation;
    const needed = kind && NEEDS[kind];
    const { viewer } = args.contextValue as GatewayContext;
    return needed && !viewer.scopes.has(needed)
      ? forbidden(`This credential does not have the ${needed} scope`)
      : undefined;
  });
}
