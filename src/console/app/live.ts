/**
 * Subscriptions that survive a dropped connection. A socket that closes ends the subscription with
 * a network error; it is started again after a short backoff, with variables computed afresh, so
 * that the event feed resumes `after` the last event it delivered: the gateway's event log replays
 * what was missed, and nothing seen twice is delivered twice.
 */
import type { AnyVariables, Client, CombinedError, TypedDocumentNode } from '@urql/core';

export interface ResilientHandlers<Data> {
  data(data: Data): void;
  /** Asked before each retry after a lost connection; false ends the subscription (e.g. a refused credential). */
  mayRetry?(): boolean;
  /** A GraphQL error (a refused credential, a bad filter): not retried. */
  failed(error: CombinedError): void;
  /** Lost the connection; `retryInMs` until the next try. */
  reconnecting(retryInMs: number): void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000];

export function resilientSubscription<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: () => Variables,
  handlers: ResilientHandlers<Data>,
): () => void {
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { unsubscribe(): void } | undefined;

  const start = () => {
    if (stopped) return;
    current = client.subscription(document, variables()).subscribe((result) => {
      if (stopped) return;
      if (result.error) {
        current?.unsubscribe();
        const lost = result.error.networkError || result.error.graphQLErrors.length === 0;
        if (lost && handlers.mayRetry?.() !== false) {
          const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 4000;
          failures += 1;
          handlers.reconnecting(wait);
          timer = setTimeout(start, wait);
        } else {
          handlers.failed(result.error);
        }
        return;
      }
      if (result.data) {
        failures = 0;
        handlers.data(result.data);
      }
    });
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(timer);
    current?.unsubscribe();
  };
}
