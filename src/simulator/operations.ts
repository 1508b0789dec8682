/**
 * The write pipeline after validation: record the operation, then settle it (at once for sync
 * writes, after `processingMs` for async ones), update the TSP records, and announce each step as
 * a `resource_operation.*` webhook (async writes only, as Catena does).
 */
import { randomId, tspSourceId } from './ids.ts';
import { OPERATION_EVENTS } from './model/notifications.ts';
import type { WriteEndpoint } from './model/writes.ts';
import { decideOutcome, pendingOperation, settle } from './outcome.ts';
import { entityName } from './payload.ts';
import type { Scheduler } from './scheduler.ts';
import { type ConnectionRecord, type EntityRecord, type Store, webhookRecordView } from './store.ts';
import type { ResourceOperation } from './types.ts';
import type { DeliveryEngine } from './webhooks/delivery.ts';

export interface SubmitInput {
  spec: WriteEndpoint;
  connection: ConnectionRecord;
  payload: Record<string, unknown>;
  /** The record an update addresses. */
  target?: EntityRecord;
  sync: boolean;
}

export interface OperationProcessor {
  submit(input: SubmitInput): ResourceOperation;
}

export interface OperationProcessorOptions {
  store: Store;
  scheduler: Scheduler;
  delivery: DeliveryEngine;
  processingMs: () => number;
}

export function createOperationProcessor(options: OperationProcessorOptions): OperationProcessor {
  const { store, delivery } = options;

  const announce = (eventName: string, op: ResourceOperation, connection: ConnectionRecord) => {
    delivery.publish(eventName, webhookRecordView(op), connection, op.id);
  };

  const complete = (
    op: ResourceOperation,
    connection: ConnectionRecord,
    target: EntityRecord | undefined,
  ) => {
    const outcome = decideOutcome(op.payload, connection.status);
    let resourceId: string | undefined;
    let sourceId: string | undefined;
    if (outcome === 'success') {
      const attributes = Object.fromEntries(
        Object.entries(op.payload).filter(([name]) => name !== 'id' && name !== 'source_id'),
      );
      if (target) {
        // Re-read: another write may have renamed the record meanwhile.
        const current = store.entityOn(connection.id, target.resource, target.id) ?? target;
        store.putEntity({ ...current, attributes: { ...current.attributes, ...attributes } });
        resourceId = current.id;
        sourceId = current.sourceId;
      } else {
        resourceId = randomId();
        sourceId = tspSourceId(connection.source_name);
        store.putEntity({
          id: resourceId,
          sourceId,
          connectionId: connection.id,
          resource: op.resource,
          name: entityName(attributes),
          attributes,
        });
      }
    }
    // updated_at must move forward even when settling within the creating millisecond.
    const at = Math.max(Date.now(), Date.parse(op.updated_at) + 1);
    const settled = settle(op, {
      outcome,
      at,
      newId: randomId,
      ...(resourceId !== undefined ? { resourceId } : {}),
      ...(sourceId !== undefined ? { sourceId } : {}),
    });
    store.putOperation(settled);
    return settled;
  };

  return {
    submit({ spec, connection, payload, target, sync }) {
      const op = pendingOperation({
        id: randomId(),
        createdAt: new Date().toISOString(),
        partnerId: store.partnerId,
        connection,
        spec,
        payload,
      });
      store.putOperation(op);
      if (sync) return complete(op, connection, target);
      announce(OPERATION_EVENTS.created, op, connection);
      options.scheduler.after(options.processingMs(), () => {
        const current = store.operation(op.id);
        if (current === undefined || current.status !== 'pending') return;
        const settled = complete(current, connection, target);
        announce(
          settled.status === 'success' ? OPERATION_EVENTS.succeeded : OPERATION_EVENTS.failed,
          settled,
          connection,
        );
      });
      return op;
    },
  };
}
