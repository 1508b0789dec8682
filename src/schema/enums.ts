/**
 * GraphQL enums derived from Catena's enums (src/catena/enums.ts): each Catena value upper-cased.
 * Catena's endpoints are provisional and may send values this version does not know; such a value
 * resolves to `UNKNOWN` instead of failing the whole query, and is logged once.
 */
import {
  CONNECTION_STATUSES,
  OPERATION_ERROR_TYPES,
  OPERATION_LOG_STATUSES,
  OPERATION_STATUSES,
  OPERATION_TYPES,
  RESOURCES,
  TSP_SOURCES,
} from '../catena/enums.ts';
import { UserInputError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { builder } from './builder.ts';

/** What an unknown upstream value resolves to. Never sent to Catena. */
export const UNKNOWN = '%unknown%';

/**
 * Unknown values already logged, so each is logged once; bounded, so a Catena sending endless new
 * values cannot grow it (past the bound, unknown values are no longer logged).
 */
const reported = new Set<string>();
const MAX_REPORTED = 1_000;

function catenaEnum<const T extends readonly string[]>(name: string, values: T, description: string) {
  const ref = builder.enumType(name, {
    description,
    values: {
      ...Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])),
      UNKNOWN: {
        value: UNKNOWN,
        description: 'A value Catena sent that this gateway version does not know yet.',
      },
    } as Record<string, { value: T[number] | typeof UNKNOWN; description?: string }>,
  });
  const known = new Set<string>(values);
  return {
    ref,
    /** The value to resolve for what Catena sent; an unknown one is logged once through `ctx`. */
    fromCatena(value: string, ctx: { logger: Logger }): T[number] | typeof UNKNOWN {
      if (known.has(value)) return value;
      const key = `${name}:${value}`;
      if (!reported.has(key) && reported.size < MAX_REPORTED) {
        reported.add(key);
        ctx.logger.warn({ enum: name, value }, 'Catena sent an enum value unknown to this gateway (UNKNOWN)');
      }
      return UNKNOWN;
    },
    /** The Catena value for a filter argument; `UNKNOWN` cannot be searched for. */
    toCatena(value: T[number] | typeof UNKNOWN, argument: string): T[number] {
      if (value === UNKNOWN) throw new UserInputError(`${argument} cannot be UNKNOWN`, argument);
      return value;
    },
  };
}

export const TspSource = catenaEnum('TspSource', TSP_SOURCES, 'A telematics provider (Catena TspEnum).');
export const Resource = catenaEnum(
  'Resource',
  RESOURCES,
  'A kind of telematics record (Catena ResourceEnum).',
);
export const OperationType = catenaEnum('OperationType', OPERATION_TYPES, 'What a write does to its record.');
export const OperationStatus = catenaEnum(
  'OperationStatus',
  OPERATION_STATUSES,
  'Where a resource operation is: PENDING until Catena has tried the TSP, then SUCCESS or FAILED.',
);
export const OperationLogStatus = catenaEnum(
  'OperationLogStatus',
  OPERATION_LOG_STATUSES,
  'How one attempt ended.',
);
export const OperationErrorType = catenaEnum(
  'OperationErrorType',
  OPERATION_ERROR_TYPES,
  'Why an attempt failed.',
);
export const ConnectionStatus = catenaEnum(
  'ConnectionStatus',
  CONNECTION_STATUSES,
  'The state of a fleet-to-TSP connection.',
);
