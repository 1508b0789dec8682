/**
 * One mutation per Catena write (contract §3), generated from the WRITES table: `createVehicle`,
 * `updateVehicle(id)`, ... Each answers a `<Name>Result` union: `<Name>Success { operation }` or
 * one of the typed errors.
 */
import { WRITE_NAMES, WRITES, type WriteName } from '../catena/bodies.ts';
import { WRITE_ERRORS } from '../resolvers/write-errors.ts';
import { performWrite, type WriteMode as WriteModeValue } from '../resolvers/writes.ts';
import { builder } from './builder.ts';
import './errors.ts';
import { ResourceOperationRef } from './resource-operation.ts';
import { writeInputRef } from './write-inputs.ts';

export const WriteMode = builder.enumType('WriteMode', {
  description: 'How Catena carries a write out.',
  values: {
    ASYNC: {
      description: 'Queued (is_sync=false): answers a PENDING operation at once; Catena retries for you.',
    },
    SYNC: {
      description: 'Now (is_sync=true): answers the TSP outcome; a refusal is a TspRejectedError.',
    },
  } satisfies Record<WriteModeValue, { description: string }>,
});

const DESCRIPTIONS: Record<WriteName, string> = {
  createVehicle: 'Creates a vehicle at the TSP of a connection.',
  updateVehicle: 'Updates a vehicle (by its Catena id) at the TSP of a connection.',
  createTrailer: 'Creates a trailer at the TSP of a connection.',
  updateTrailer: 'Updates a trailer (by its Catena id).',
  createUser: 'Creates a user (driver, dispatcher, ...) at the TSP of a connection.',
  updateUser: 'Updates a user (by its Catena id).',
  sendMessage: 'Sends a message from one user to another through the TSP.',
  sendGroupMessage: 'Sends a message from one user to several through the TSP.',
  createDvirLog: 'Records a driver vehicle inspection report.',
  createFuelTransaction: 'Records a fuel purchase.',
  createWorkflow: 'Creates a workflow (a planned job, route or dispatch with stops).',
  updateWorkflow: 'Updates a workflow (by its Catena id).',
};

const capitalize = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

builder.mutationType({});

for (const name of WRITE_NAMES) {
  const Name = capitalize(name);
  const update = WRITES[name].operation === 'update';
  builder.mutationField(name, (t) =>
    t.field({
      type: ResourceOperationRef,
      description: `${DESCRIPTIONS[name]} An idempotencyKey (1-255 characters, kept 24 hours) makes a retry return the first call's operation without writing again.`,
      args: {
        ...(update
          ? { id: t.arg({ type: 'UUID', required: true, description: 'Catena id of the record.' }) }
          : {}),
        input: t.arg({ type: writeInputRef(name), required: true }),
        mode: t.arg({ type: WriteMode, defaultValue: 'ASYNC' }),
        idempotencyKey: t.arg.string(),
      },
      errors: {
        types: [...WRITE_ERRORS],
        union: { name: `${Name}Result` },
        result: { name: `${Name}Success` },
        dataField: { name: 'operation' },
      },
      resolve: (_, args, ctx) =>
        performWrite(ctx, name, {
          id: (args as { id?: string }).id,
          input: args.input,
          mode: args.mode,
          idempotencyKey: args.idempotencyKey,
        }),
    }),
  );
}
