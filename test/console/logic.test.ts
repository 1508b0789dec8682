/**
 * The console's logic that needs no browser: what it reads of schema.graphql at build time, the
 * write it builds from a form, and how its table merges pages and events.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, windowQuery } from '../../src/console/app/filters.ts';
import { failureCounts, OperationTable, type Row } from '../../src/console/app/operations.ts';
import { writeDocument, writeVariables } from '../../src/console/app/write-request.ts';
import { schemaFacts } from '../../src/console/schema-facts.ts';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const facts = schemaFacts(schema);
const write = (name: string) => {
  const found = facts.writes.find((w) => w.mutation === name);
  if (!found) throw new Error(`no write ${name}`);
  return found;
};

describe('what the console reads of schema.graphql', () => {
  it('finds the twelve writes, each a mutation whose document is valid', () => {
    expect(facts.writes.map((w) => w.mutation)).toEqual([
      'createDvirLog',
      'createFuelTransaction',
      'createTrailer',
      'createUser',
      'createVehicle',
      'createWorkflow',
      'sendGroupMessage',
      'sendMessage',
      'updateTrailer',
      'updateUser',
      'updateVehicle',
      'updateWorkflow',
    ]);
    for (const form of facts.writes) expect(validate(schema, writeDocument(form)), form.mutation).toEqual([]);
  });

  it('knows which fields are required, their kinds and their enum values', () => {
    const trailer = write('createTrailer');
    expect(trailer.input.filter((f) => f.required).map((f) => f.name)).toEqual(['connectionId']);
    expect(trailer.input.find((f) => f.name === 'modelYear')?.kind).toBe('int');
    expect(trailer.input.find((f) => f.name === 'trailerLength')?.kind).toBe('float');
    expect(trailer.input.find((f) => f.name === 'isActive')?.kind).toBe('boolean');
    const update = write('updateTrailer');
    expect(update.args.map((a) => [a.name, a.required])).toEqual([
      ['id', true],
      ['idempotencyKey', false],
      ['mode', false],
    ]);
    expect(update.args.find((a) => a.name === 'mode')?.values).toEqual(['ASYNC', 'SYNC']);
    expect(write('createWorkflow').input.some((f) => f.kind === 'json')).toBe(true);
    expect(facts.enums.OperationStatus).toContain('FAILED');
    expect(facts.enums.Resource).toContain('TRAILER');
  });
});

describe('a write from the form', () => {
  it('puts the input fields in input and the others beside it, parsed by kind', () => {
    expect(
      writeVariables(write('updateTrailer'), {
        'arg.id': '6f1c3c1e-2b8f-4c51-9d1e-0f0b7a0c0a01',
        'arg.mode': 'SYNC',
        'input.connectionId': '1ad8cd6c-c4c6-54f8-9266-ca0a06b0fcfa',
        'input.modelYear': '2021',
        'input.trailerLength': '16.2',
        'input.isActive': 'false',
        'input.notes': '  kept as typed ',
        'input.vin': '',
      }),
    ).toEqual({
      id: '6f1c3c1e-2b8f-4c51-9d1e-0f0b7a0c0a01',
      mode: 'SYNC',
      input: {
        connectionId: '1ad8cd6c-c4c6-54f8-9266-ca0a06b0fcfa',
        modelYear: 2021,
        trailerLength: 16.2,
        isActive: false,
        notes: '  kept as typed ',
      },
    });
  });

  it('says what is wrong before anything is sent', () => {
    expect(() => writeVariables(write('createTrailer'), {})).toThrow('connectionId is required');
    expect(() =>
      writeVariables(write('createTrailer'), { 'input.connectionId': 'c', 'input.modelYear': '19.5' }),
    ).toThrow('modelYear: a whole number');
    const workflow = write('createWorkflow');
    const json = workflow.input.find((f) => f.kind === 'json');
    expect(() =>
      writeVariables(workflow, {
        ...Object.fromEntries(workflow.input.filter((f) => f.required).map((f) => [`input.${f.name}`, 'x'])),
        [`input.${json?.name}`]: '{ not json',
      }),
    ).toThrow(`${json?.name}: JSON`);
  });
});

const row = (id: string, createdAt: string, status = 'PENDING', updatedAt = createdAt): Row => ({
  catenaId: id,
  connectionId: 'c',
  fleetRef: 'fleet',
  sourceName: 'SAMSARA',
  resource: 'TRAILER',
  operationType: 'CREATE',
  status: status as Row['status'],
  createdAt,
  updatedAt,
  logs: status === 'FAILED' ? [{ errorType: 'TSP' }] : [],
});

describe("the console's table", () => {
  it('keeps the newest first, whatever order pages and events come in', () => {
    const table = new OperationTable();
    table.upsert([row('a', '2026-12-03T10:00:00Z'), row('b', '2026-12-03T11:00:00Z')]);
    table.upsert([row('c', '2026-12-03T12:00:00Z')]);
    table.upsert([row('z', '2026-12-03T09:00:00Z')]);
    expect(table.all.map((r) => r.catenaId)).toEqual(['c', 'b', 'a', 'z']);
  });

  it('updates a row in place with a later state and ignores an earlier one', () => {
    const table = new OperationTable();
    table.upsert([row('a', '2026-12-03T10:00:00Z'), row('b', '2026-12-03T11:00:00Z')]);
    const done = row('a', '2026-12-03T10:00:00Z', 'SUCCESS', '2026-12-03T10:00:02Z');
    expect(table.upsert([done]).added).toEqual([]);
    expect(table.all.map((r) => [r.catenaId, r.status])).toEqual([
      ['b', 'PENDING'],
      ['a', 'SUCCESS'],
    ]);
    const version = table.version;
    table.upsert([row('a', '2026-12-03T10:00:00Z')]);
    expect(table.get('a')?.status).toBe('SUCCESS');
    expect(table.version).toBe(version);
  });

  it('counts failures by TSP and by the last attempt’s error type', () => {
    const rows = [
      row('a', '2026-12-03T10:00:00Z', 'FAILED'),
      {
        ...row('b', '2026-12-03T10:00:01Z', 'FAILED'),
        logs: [{ errorType: 'TSP' as const }, { errorType: 'AUTH' as const }],
      },
      { ...row('c', '2026-12-03T10:00:02Z', 'FAILED'), sourceName: 'MOTIVE' as const },
      row('d', '2026-12-03T10:00:03Z', 'SUCCESS'),
    ];
    expect(failureCounts(rows)).toEqual({
      total: 3,
      byTsp: [
        { tsp: 'SAMSARA', count: 2, byErrorType: { TSP: 1, AUTH: 1 } },
        { tsp: 'MOTIVE', count: 1, byErrorType: { TSP: 1 } },
      ],
      errorTypes: ['AUTH', 'TSP'],
    });
  });
});

describe("the console's filters", () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  it('asks for the window only, by default', () => {
    const query = windowQuery(NO_FILTERS, now);
    expect(query.list).toEqual({ from: '2026-12-02T12:00:00.000Z' });
    expect(query.events).toEqual({});
    expect(query.accepts(row('a', '2026-12-03T11:00:00Z'))).toBe(true);
    expect(query.accepts(row('b', '2026-12-02T11:59:59Z'))).toBe(false);
  });

  it('passes each filter to the list and to the feed where it can, and checks the rest itself', () => {
    const query = windowQuery(
      {
        window: '1h',
        connectionId: 'c',
        sourceName: 'SAMSARA',
        fleetRefs: ' fleet, other ,',
        resource: 'TRAILER',
        status: 'FAILED',
      },
      now,
    );
    expect(query.list).toEqual({
      from: '2026-12-03T11:00:00.000Z',
      connectionId: 'c',
      sourceName: 'SAMSARA',
      fleetRefs: ['fleet', 'other'],
      resource: 'TRAILER',
    });
    // The feed has no TSP or time filter: the console checks those on each event.
    expect(query.events).toEqual({
      connectionIds: ['c'],
      fleetRefs: ['fleet', 'other'],
      resources: ['TRAILER'],
    });
    const recent = row('a', '2026-12-03T11:30:00Z');
    expect(query.accepts(recent)).toBe(true);
    expect(query.accepts({ ...recent, sourceName: 'MOTIVE' })).toBe(false);
    expect(query.accepts({ ...recent, fleetRef: 'third' })).toBe(false);
    expect(query.accepts({ ...recent, connectionId: 'd' })).toBe(false);
    expect(query.accepts({ ...recent, resource: 'VEHICLE' })).toBe(false);
  });
});
