/**
 * `GET /ready`: 200 when the gateway can serve (Catena accepts its credentials, Redis answers when
 * configured), 503 otherwise. Yoga's `useReadinessCheck` does the same but tests a URLPattern
 * against every request that is not `/ready` (~1 % of a by-id read's CPU); a path compare is enough.
 */
import type { Plugin } from 'graphql-yoga';

export function useReadiness(check: () => Promise<boolean>, endpoint = '/ready'): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint) return;
      return check().then(
        (ready) => endResponse(new fetchAPI.Response(null, { status: ready ? 200 : 503 })),
        () => endResponse(new fetchAPI.Response(null, { status: 503 })),
      );
    },
  };
}
