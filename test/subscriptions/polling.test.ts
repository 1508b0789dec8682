import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES, useGateway } from '../helpers/gateway.ts';
import { createTrailer } from '../helpers/mutations.ts';
import { collect, disposeClients, type Result, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Webhooks lost: delivery paused at the simulator, so only polling can tell the gateway.
const gw = useGateway(
  { processingMs: 400 },
  {},
  { deliverWebhooks: true, app: { events: { staleAfterMs: 150, maxPollIntervalMs: 1_000 } } },
);

const STATUS = `subscription($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }`;
type StatusData = { operationStatus: { status: string } };

afterEach(async () => {
  gw.sim.control.configure({ webhookDeliveryPaused: false });
  await disposeClients();
});

describe('missed webhooks', () => {
  it('brings watchers to the outcome by polling Catena when no webhook comes', async () => {
    gw.sim.control.configure({ webhookDeliveryPaused: true });
    const op = await createTrailer(gw);
    const results = await collect(
      stream<StatusData>(wsClient(gw.url), STATUS, { c: op.connectionId, id: op.id }),
    );
    expect(results.map((r: Result<StatusData>) => r.data?.operationStatus.status)).toEqual([
      'PENDING',
      'SUCCESS',
    ]);
    expect(gw.sim.control.deliveries().filter((d) => d.operationId === op.id)).toEqual([]);
    await waitFor(() => gw.app.stats().polling === 0, { what: 'the poll to stop' });
  });

  it('polls once per operation however many watch it', async () => {
    gw.sim.control.configure({ webhookDeliveryPaused: true });
    const op = await createTrailer(gw);
    gw.resetCounts();
    const watchers = Array.from({ length: 5 }, () =>
      collect(stream<StatusData>(wsClient(gw.url), STATUS, { c: op.connectionId, id: op.id })),
    );
    const results = await Promise.all(watchers);
    expect(results.every((r) => r.at(-1)?.data?.operationStatus.status === 'SUCCESS')).toBe(true);
    // Each watcher read the current state once; everything else was the shared poll.
    const polls = gw.count(ROUTES.getOperation) - watchers.length;
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(3);
  });
});
