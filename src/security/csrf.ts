/**
 * CSRF: a browser sends a cross-site POST without a preflight only with a "simple" content type
 * (text/plain, a form, multipart). Such POSTs must carry the CSRF header, which no form can add, so
 * every cross-origin write is preflighted and so subject to CORS. GETs stay open, as the contract
 * has them (queries and SSE subscriptions): they cannot mutate (Yoga refuses mutations over GET),
 * and the gateway's credentials are Bearer headers, which browsers never attach by themselves.
 */
import type { Plugin } from 'graphql-yoga';

export const CSRF_HEADER = 'x-graphql-yoga-csrf';
const SIMPLE = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || request.headers.has(CSRF_HEADER)) return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!SIMPLE.has(type)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: `Required CSRF header(s) not present: ${CSRF_HEADER}`,
                extensions: { code: 'CSRF' },
              },
            ],
          }),
          { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
