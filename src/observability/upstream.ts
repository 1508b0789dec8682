/**
 * What the Catena client reports about its calls, turned into metrics and log lines: every call is
 * counted by route and outcome, and every retry is counted and logged at warn.
 */
import type { CatenaClientOptions } from '../catena/client.ts';
import { routeOf } from '../catena/transport.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from './metrics.ts';

export function upstreamObservers(
  metrics: Metrics,
  logger: Logger,
): Pick<CatenaClientOptions, 'onRetry' | 'onCall'> {
  return {
    onRetry: (event) => {
      metrics.upstreamRetry(event.method, routeOf(event.path));
      logger.warn(
        { method: event.method, path: event.path, attempt: event.attempt, delayMs: event.delayMs },
        'retrying Catena call',
      );
    },
    onCall: (event) => metrics.upstreamCall(event),
  };
}
