/**
 * Keycloak-style client-credentials tokens: HS256 JWTs signed with a key that lives only as long
 * as this simulator, carrying the claims Catena's SDK reads (`sub`, `exp`, `org`).
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { unauthorized } from './errors.ts';

/** Catena's Keycloak realm (api-facts §5.1). */
export const REALM = 'catena';
export const TOKEN_PATH = `/realms/${REALM}/protocol/openid-connect/token`;
export const GRANTED_SCOPE =
  'organization connection:read schedule:read execution:read telematics:read telematics:write resource_operation:read webhook:read webhook:create webhook:update webhook:delete';

export interface TokenService {
  issue(ttlSeconds: number): string;
  /** Throws Catena's 401 unless `authorization` carries a valid, unexpired, unrevoked bearer token. */
  verify(authorization: string | undefined): void;
  revokeAll(): void;
}

export interface TokenServiceOptions {
  clientId: string;
  partnerId: string;
  partnerName: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createTokenService(options: TokenServiceOptions): TokenService {
  const key = randomBytes(32);
  const issued = new Set<string>();
  const revoked = new Set<string>();
  const sign = (input: string) => createHmac('sha256', key).update(input).digest();

  return {
    issue(ttlSeconds) {
      const iat = Math.floor(Date.now() / 1000);
      const jti = randomUUID();
      issued.add(jti);
      const header = encode({ alg: 'HS256', typ: 'JWT' });
      const claims = encode({
        jti,
        sub: options.clientId,
        iss: 'catena-simulator/realms/catena',
        azp: options.clientId,
        iat,
        exp: iat + ttlSeconds,
        scope: GRANTED_SCOPE,
        org: { [options.partnerName]: { id: options.partnerId, org_type: ['partner'] } },
      });
      return `${header}.${claims}.${sign(`${header}.${claims}`).toString('base64url')}`;
    },
    verify(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
      if (!match?.[1]) throw unauthorized('Not authenticated');
      const parts = match[1].split('.');
      const [header, claims, signature] = parts;
      if (parts.length !== 3 || !header || !claims || !signature)
        throw unauthorized('Invalid token: malformed JWT');
      const expected = sign(`${header}.${claims}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw unauthorized('Invalid token: signature verification failed');
      }
      let parsed: { exp?: unknown; jti?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as typeof parsed;
      } catch {
        throw unauthorized('Invalid token: malformed JWT');
      }
      if (typeof parsed.exp !== 'number' || parsed.exp * 1000 <= Date.now()) {
        throw unauthorized('Token has expired');
      }
      if (typeof parsed.jti !== 'string' || revoked.has(parsed.jti))
        throw unauthorized('Token has been revoked');
    },
    revokeAll() {
      for (const jti of issued) revoked.add(jti);
      issued.clear();
    },
  };
}
