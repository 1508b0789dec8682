/**
 * Query-string validation with FastAPI/pydantic semantics: every problem is collected and reported
 * at once in one 422, each at `query.<name>` (see errors.ts for the path convention).
 * Repeated parameters (`?fleet_ids=a&fleet_ids=b`) are lists; for scalars the last value wins.
 */
import { enumMessage, inputString, type ValidationDetail, validationError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Milliseconds since epoch for an ISO 8601 string (naive = UTC), or undefined if unparsable. */
export function parseIsoDateTime(value: string): number | undefined {
  if (!ISO_DATETIME.test(value)) return undefined;
  const withZone = /T|\s/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? `${value}Z` : value;
  const ms = Date.parse(withZone.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

export interface QueryReader {
  string(name: string): string | undefined;
  enumOf<const T extends string>(name: string, values: readonly T[]): T | undefined;
  uuid(name: string): string | undefined;
  list(name: string, options?: { max?: number; uuid?: boolean }): string[] | undefined;
  int(name: string, options: { min: number; max: number; fallback: number }): number;
  bool(name: string, fallback: boolean): boolean;
  dateTime(name: string): number | undefined;
  /** Records a cross-field problem. */
  fail(name: string, input: unknown, message: string, errorType: string): void;
  /** Throws the 422 if anything failed. */
  finish(): void;
}

export function createQueryReader(url: string): QueryReader {
  const params = new URL(url, 'http://simulator.invalid').searchParams;
  const details: ValidationDetail[] = [];
  const fail = (name: string, input: unknown, message: string, errorType: string) => {
    details.push({ path: `query.${name}`, input: inputString(input), message, error_type: errorType });
  };
  const single = (name: string): string | undefined => {
    const all = params.getAll(name);
    return all[all.length - 1];
  };

  return {
    fail,
    string: single,
    enumOf(name, values) {
      const raw = single(name);
      if (raw === undefined) return undefined;
      if ((values as readonly string[]).includes(raw)) return raw as (typeof values)[number];
      fail(name, raw, enumMessage(values), 'enum');
      return undefined;
    },
    uuid(name) {
      const raw = single(name);
      if (raw === undefined) return undefined;
      if (isUuid(raw)) return raw.toLowerCase();
      fail(name, raw, 'Input should be a valid UUID', 'uuid_parsing');
      return undefined;
    },
    list(name, options = {}) {
      const all = params.getAll(name);
      if (all.length === 0) return undefined;
      const max = options.max ?? 100;
      if (all.length > max) {
        fail(
          name,
          all,
          `List should have at most ${max} items after validation, not ${all.length}`,
          'too_long',
        );
        return undefined;
      }
      if (!options.uuid) return all;
      let ok = true;
      all.forEach((value, index) => {
        if (!isUuid(value)) {
          ok = false;
          fail(`${name}.${index}`, value, 'Input should be a valid UUID', 'uuid_parsing');
        }
      });
      return ok ? all.map((v) => v.toLowerCase()) : undefined;
    },
    int(name, { min, max, fallback }) {
      const raw = single(name);
      if (raw === undefined) return fallback;
      if (!/^[+-]?\d+$/.test(raw.trim())) {
        fail(
          name,
          raw,
          'Input should be a valid integer, unable to parse string as an integer',
          'int_parsing',
        );
        return fallback;
      }
      const value = Number.parseInt(raw, 10);
      if (value < min)
        fail(name, raw, `Input should be greater than or equal to ${min}`, 'greater_than_equal');
      else if (value > max)
        fail(name, raw, `Input should be less than or equal to ${max}`, 'less_than_equal');
      return value;
    },
    bool(name, fallback) {
      const raw = single(name);
      if (raw === undefined) return fallback;
      const lower = raw.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      fail(name, raw, 'Input should be a valid boolean, unable to interpret input', 'bool_parsing');
      return fallback;
    },
    dateTime(name) {
      const raw = single(name);
      if (raw === undefined) return undefined;
      const ms = parseIsoDateTime(raw);
      if (ms === undefined) fail(name, raw, 'Input should be a valid datetime', 'datetime_parsing');
      return ms;
    },
    finish() {
      if (details.length > 0) throw validationError(details);
    },
  };
}
