/**
 * OAuth2 client credentials against Catena's Keycloak (api-facts §5.1). One token is cached and
 * shared; it is renewed shortly before it expires; concurrent callers wait on the same request
 * (single flight), so a burst of calls with no token makes exactly one token request.
 */
import type { Dispatcher } from 'undici';
import { CatenaAuthError, CatenaInvalidResponseError } from './errors.ts';
import { parseJson, sendOnce, toCatenaError } from './http.ts';
import { type RetryPolicy, withRetries } from './retry.ts';
import { tokenErrorSchema, tokenResponseSchema } from './schemas.ts';

export interface TokenProviderOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  dispatcher: Dispatcher;
  timeoutMs: number;
  userAgent: string;
  retry: RetryPolicy;
  /** Renew this long before expiry at most (default 30 s, Catena's SDK does the same). */
  refreshSkewMs?: number;
  now?: () => number;
}

export interface TokenProvider {
  /** A valid access token, fetched or renewed if needed. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Drops `token` if it is still the cached one (Catena refused it), so the next call renews. */
  invalidate(token: string): void;
  /** How many token requests have been sent (for tests and metrics). */
  readonly requestCount: number;
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const now = options.now ?? Date.now;
  const url = new URL(options.tokenUrl);
  const call = { method: 'POST', path: url.pathname };
  let cached: { token: string; renewAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  let requestCount = 0;

  async function fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: 'organization',
    }).toString();
    const res = await withRetries(
      async () => {
        requestCount++;
        const answer = await sendOnce(url, {
          dispatcher: options.dispatcher,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'user-agent': options.userAgent,
          },
          body,
          timeoutMs: options.timeoutMs,
          call,
        });
        if (answer.status >= 500 || answer.status === 429) throw toCatenaError(answer, call);
        return answer;
      },
      // Asking for a token changes nothing at Catena, so it is retried like a read.
      { write: false, policy: options.retry },
    );

    const json = parseJson(res.body);
    if (res.status !== 200) {
      const oauth = tokenErrorSchema.safeParse(json);
      const reason = oauth.success
        ? `${oauth.data.error}${oauth.data.error_description ? `: ${oauth.data.error_description}` : ''}`
        : `status ${res.status}`;
      throw new CatenaAuthError(
        `Catena refused the client credentials (${reason})`,
        oauth.success ? oauth.data.error : undefined,
        { status: res.status, call },
      );
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new CatenaInvalidResponseError('Catena token response is not a valid OAuth2 token', {
        status: res.status,
        call,
        cause: parsed.error,
      });
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    // Short-lived tokens renew at 90 % of their life rather than 30 s early.
    const skew = Math.min(options.refreshSkewMs ?? 30_000, lifetimeMs / 10);
    cached = { token: parsed.data.access_token, renewAt: now() + lifetimeMs - skew };
    return parsed.data.access_token;
  }

  return {
    getToken(signal) {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      if (!inflight) {
        inflight = fetchToken().finally(() => {
          inflight = undefined;
        });
      }
      if (!signal) return inflight;
      // A caller giving up must not cancel the shared request the others wait on.
      return Promise.race([
        inflight,
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
      ]);
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
    get requestCount() {
      return requestCount;
    },
  };
}
