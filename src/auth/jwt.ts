/**
 * JWTs (GATEWAY_AUTH=jwt), verified with jose against GATEWAY_JWT_JWKS_URL or GATEWAY_JWT_PUBLIC_KEY
 * (PEM), and GATEWAY_JWT_ISSUER / GATEWAY_JWT_AUDIENCE when set. Claims: `scope`
 * ("catena:read catena:write catena:subscribe"), `catena_fleet_refs`, `catena_connection_ids`.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { z } from 'zod';
import { SCOPES, type Scope, type Viewer } from './viewer.ts';

export interface JwtOptions {
  jwksUrl?: string;
  publicKey?: string;
  issuer?: string;
  audience?: string;
}

/** Asymmetric algorithms only: an HMAC or `none` token never verifies. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const claimsSchema = z.object({
  sub: z.string().min(1),
  scope: z.union([z.string(), z.array(z.string())]).optional(),
  catena_fleet_refs: z.array(z.string()).optional(),
  catena_connection_ids: z.array(z.guid()).optional(),
});

export function viewerOfClaims(payload: JWTPayload): Viewer | undefined {
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) return undefined;
  const { sub, scope, catena_fleet_refs: fleets, catena_connection_ids: connections } = claims.data;
  const granted = (Array.isArray(scope) ? scope : (scope ?? '').split(' '))
    .filter((s) => s.startsWith('catena:'))
    .map((s) => s.slice('catena:'.length))
    .filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  return {
    id: `jwt:${sub}`,
    scopes: new Set(granted),
    fleetRefs: fleets ? new Set(fleets) : undefined,
    connectionIds: connections ? new Set(connections.map((c) => c.toLowerCase())) : undefined,
  };
}

export function createJwtVerifier(options: JwtOptions) {
  let key: KeyObject | ReturnType<typeof createRemoteJWKSet>;
  if (options.jwksUrl) key = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  else if (options.publicKey) key = createPublicKey(options.publicKey.replace(/\\n/g, '\n'));
  else throw new Error('GATEWAY_JWT_JWKS_URL or GATEWAY_JWT_PUBLIC_KEY is required');
  return async (token: string): Promise<Viewer | undefined> => {
    try {
      const { payload } = await jwtVerify(token, key as KeyObject, {
        algorithms: ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: 30,
      });
      return viewerOfClaims(payload);
    } catch {
      return undefined;
    }
  };
}
