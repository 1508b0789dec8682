/**
 * Arguments Catena would refuse, refused before the call: UUID path segments, repeated filter
 * values, page sizes, date-times and the list window (api-facts: 45 days, defaults now - 1 day .. now).
 */
import { UUID_PATTERN } from '../ids.ts';
import { CatenaArgumentError } from './errors.ts';

/** Catena refuses list windows wider than this (`to_datetime - from_datetime`). */
export const MAX_WINDOW_DAYS = 45;
/** Catena's limit on repeated filter values (`fleet_refs`, `fleet_ids`). */
export const MAX_FILTER_VALUES = 100;
export const MAX_PAGE_SIZE = 1000;

export function uuidArg(name: string, value: string): string {
  if (!UUID_PATTERN.test(value)) throw new CatenaArgumentError(`${name} must be a UUID`, name);
  return value;
}

export function listArg(name: string, values: readonly string[] | undefined) {
  if (values && values.length > MAX_FILTER_VALUES) {
    throw new CatenaArgumentError(`${name} takes at most ${MAX_FILTER_VALUES} values`, name);
  }
  return values;
}

export function sizeArg(size: number | undefined) {
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)) {
    throw new CatenaArgumentError(`size must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'size');
  }
  return size;
}

export function dateArg(name: string, value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new CatenaArgumentError(`${name} must be a date-time`, name);
  return date;
}

/** Checks Catena's window rules (defaults: from = now - 1 day, to = now) before the call. */
export function checkWindow(fromArg?: Date | string, toArg?: Date | string, now = new Date()) {
  const from = dateArg('from', fromArg);
  const to = dateArg('to', toArg);
  if (from && to && from.getTime() > to.getTime())
    throw new CatenaArgumentError('from must not be after to', 'from');
  const spanMs = (to ?? now).getTime() - (from ?? new Date(now.getTime() - 86_400_000)).getTime();
  if (spanMs > MAX_WINDOW_DAYS * 86_400_000) {
    throw new CatenaArgumentError(
      `from and to must be at most ${MAX_WINDOW_DAYS} days apart`,
      from ? 'from' : 'to',
    );
  }
  return { from, to };
}
