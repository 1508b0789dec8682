import { subscribeOperationEvents } from '../resolvers/operation-events.ts';
import { subscribeOperationStatus } from '../resolvers/operation-status.ts';
import { EVENT_TYPES, type OperationEvent } from '../subscriptions/events.ts';
import { builder } from './builder.ts';
import { OperationStatus, Resource } from './enums.ts';
import { ResourceOperationRef } from './resource-operation.ts';

export const ResourceOperationEventType = builder.enumType('ResourceOperationEventType', {
  description: 'Which Catena event: resource_operation.created, .succeeded or .failed.',
  values: EVENT_TYPES,
});

const ResourceOperationEventRef = builder.objectRef<OperationEvent>('ResourceOperationEvent').implement({
  description:
    'A change of a resource operation, from a Catena webhook or from a write through this gateway.',
  fields: (t) => ({
    eventId: t.exposeID('eventId', {
      description: 'Resume after this event with resourceOperationEvents(after:).',
    }),
    type: t.field({ type: ResourceOperationEventType, resolve: (e) => e.type }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.occurredAt }),
    operation: t.field({ type: ResourceOperationRef, resolve: (e) => e.operation }),
  }),
});

const ResourceOperationEventFilter = builder.inputType('ResourceOperationEventFilter', {
  description: 'Every list narrows the events; a missing or empty list does not.',
  fields: (t) => ({
    connectionIds: t.field({ type: ['UUID'] }),
    operationIds: t.field({ type: ['UUID'] }),
    resources: t.field({ type: [Resource.ref] }),
    statuses: t.field({ type: [OperationStatus.ref] }),
    fleetRefs: t.stringList(),
    types: t.field({ type: [ResourceOperationEventType] }),
  }),
});

builder.subscriptionType({});

builder.subscriptionFields((t) => ({
  operationStatus: t.field({
    type: ResourceOperationRef,
    description: 'The operation now, then each later state; completes after SUCCESS or FAILED.',
    args: {
      connectionId: t.arg({ type: 'UUID', required: true }),
      id: t.arg({ type: 'UUID', required: true }),
    },
    subscribe: (_, { connectionId, id }, ctx) => subscribeOperationStatus(ctx, connectionId, id),
    resolve: (op) => op,
  }),
  resourceOperationEvents: t.field({
    type: ResourceOperationEventRef,
    description:
      'Every operation event matching the filter; with after, the logged events since that eventId first.',
    args: {
      filter: t.arg({ type: ResourceOperationEventFilter }),
      after: t.arg.id({ description: 'An eventId to resume after (the log keeps recent events).' }),
    },
    subscribe: (_, { filter, after }, ctx) => subscribeOperationEvents(ctx, filter, after),
    resolve: (event) => event,
  }),
}));
