/**
 * A write field is declared once, in a table (src/catena/bodies.ts), and every layer derives its
 * part from the declaration. These tests build their own table (the real fuel transaction's plus
 * fields no real write has) and find each new field in every layer: the GraphQL input, the
 * gateway's validator, the wire body, Catena's model and the client's body type. No real table
 * changes, so adding a field to a write needs only its line in the table.
 */
import { execute, parse, printType } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { fuelTransactionFields } from '../../src/catena/bodies.ts';
import {
  catenaSchema,
  listOf,
  nonNegativeNumber,
  oneOf,
  required,
  text,
  type WireBody,
} from '../../src/catena/write-fields.ts';
import { InputValidationError } from '../../src/resolvers/write-errors.ts';
import { createWriteInput } from '../../src/resolvers/write-input.ts';
import { builder } from '../../src/schema/builder.ts';
import { writeInputType } from '../../src/schema/write-inputs.ts';
import { jsonType } from '../simulator/shapes.ts';

const CardKind = {
  name: 'CardKind',
  description: 'Who issued a fuel card.',
  values: ['fleet', 'retail'],
} as const;

const table = {
  ...fuelTransactionFields,
  // The one line a real field takes:
  fuel_card_number: text,
  // And the other shapes a declaration can have:
  card_kind: { ...oneOf(CardKind), nullable: false },
  pump_ids: required(listOf(text, 2)),
  receipt_total: { ...nonNegativeNumber, graphqlName: 'receiptAmount', description: 'As printed.' },
} as const;

const input = createWriteInput(table);
const ProbeInput = writeInputType('ProbeInput', table, 'A write built by a test.');
builder.queryField('probe', (t) =>
  t.string({
    args: { input: t.arg({ type: ProbeInput, required: true }) },
    resolve: (_, args) => JSON.stringify(input.toBody(args.input)),
  }),
);
const schema = builder.toSchema();

const CONNECTION = '1ad8cd6c-c4c6-54f8-9266-ca0a06b0fcfa';
const valid = {
  connectionId: CONNECTION,
  fuelVolume: 40,
  fuelVolumeUnit: 'LITER',
  fuelCardNumber: 'FC-1',
  pumpIds: ['p1', 'p2'],
};

function refusal(value: Record<string, unknown>) {
  try {
    input.toBody(value);
  } catch (error) {
    if (error instanceof InputValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error('the input was not refused');
}

describe('a field declared once in a write table', () => {
  it('is a GraphQL input field: camelCase or its declared name, its kind’s type, non-null when required', () => {
    const printed = printType(schema.getType('ProbeInput') ?? expect.fail('no ProbeInput'));
    expect(printed).toContain('  fuelCardNumber: String\n');
    expect(printed).toContain('  cardKind: CardKind\n');
    expect(printed).toContain('  pumpIds: [String!]!\n');
    expect(printed).toContain('  """As printed."""\n  receiptAmount: Float\n');
    // The real table's fields come with it, with their kinds' descriptions.
    expect(printed).toContain('  """A Catena id (UUID)."""\n  driverId: String\n');
    expect(printType(schema.getType('CardKind') ?? expect.fail('no CardKind'))).toBe(
      '"""Who issued a fuel card."""\nenum CardKind {\n  FLEET\n  RETAIL\n}',
    );
  });

  it("goes from the GraphQL input through the gateway's checks to Catena's wire body", async () => {
    const result = await execute({
      schema,
      document: parse('query ($input: ProbeInput!) { probe(input: $input) }'),
      variableValues: {
        input: {
          ...valid,
          cardKind: 'FLEET',
          receiptAmount: 0,
          transactionTime: '2026-03-01T10:00:00+02:00',
          location: { longitude: 4.9, latitude: 52.37 },
        },
      },
      contextValue: {},
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(String(result.data?.probe))).toEqual({
      connection_id: CONNECTION,
      fuel_volume: 40,
      fuel_volume_unit: 'LITER',
      fuel_card_number: 'FC-1',
      card_kind: 'fleet',
      pump_ids: ['p1', 'p2'],
      receipt_total: 0,
      transaction_time: '2026-03-01T08:00:00.000Z',
      location: { type: 'Point', coordinates: [4.9, 52.37] },
    });
  });

  it("is refused by its kind's rules, with the gateway's messages, at its GraphQL path", () => {
    expect(
      refusal({
        ...valid,
        fuelCardNumber: 'x'.repeat(256),
        cardKind: null,
        pumpIds: ['p1'],
        receiptAmount: -1,
      }),
    ).toEqual([
      { path: ['input', 'fuelCardNumber'], message: 'must be at most 255 characters' },
      { path: ['input', 'cardKind'], message: 'Invalid option: expected one of "fleet"|"retail"' },
      { path: ['input', 'pumpIds'], message: 'must have at least 2 items' },
      { path: ['input', 'receiptAmount'], message: 'must be 0 or more' },
    ]);
    expect(refusal({ ...valid, fuelCardNumber: '  ' })).toEqual([
      { path: ['input', 'fuelCardNumber'], message: 'must not be empty' },
    ]);
    expect(refusal({ ...valid, fuelVolume: 0 })).toEqual([
      { path: ['input', 'fuelVolume'], message: 'must be more than 0' },
    ]);
  });

  it('clears with null, and leaves out what the input leaves out', () => {
    expect(input.toBody({ ...valid, fuelCardNumber: null })).toEqual({
      connection_id: CONNECTION,
      fuel_volume: 40,
      fuel_volume_unit: 'LITER',
      fuel_card_number: null,
      pump_ids: ['p1', 'p2'],
    });
  });

  it("is in Catena's model of the body: required, nullable and list as declared", () => {
    const fields = jsonType(z.toJSONSchema(catenaSchema(table), { io: 'input' })).fields ?? {};
    expect(fields.fuel_card_number).toEqual({ kind: 'string', required: false, nullable: true });
    expect(fields.card_kind).toEqual({
      kind: 'enum',
      values: ['fleet', 'retail'],
      required: false,
      nullable: false,
    });
    expect(fields.pump_ids).toEqual({
      kind: 'array',
      items: { kind: 'string' },
      required: true,
      nullable: false,
    });
    expect(fields.receipt_total).toEqual({ kind: 'number', required: false, nullable: true });
  });

  it("is in the client's body type", () => {
    type Body = WireBody<typeof table>;
    expectTypeOf<Body['fuel_card_number']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Body['card_kind']>().toEqualTypeOf<'fleet' | 'retail' | undefined>();
    expectTypeOf<Body['pump_ids']>().toEqualTypeOf<string[]>();
    expectTypeOf<Body['receipt_total']>().toEqualTypeOf<number | null | undefined>();
  });
});
