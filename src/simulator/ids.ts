import { createHash, randomBytes, randomUUID } from 'node:crypto';

function formatUuid(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A stable UUID (v5-shaped) derived from a name, so seeded ids are the same on every run. */
export function uuidFromName(name: string): string {
  const bytes = createHash('sha256').update(`catena-simulator:${name}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(bytes);
}

let lastMs = 0;
let sequence = 0;

/**
 * UUID v7 (RFC 9562), as Catena's webhook event ids are: 48-bit milliseconds, a 12-bit sequence
 * within the millisecond (so ids made here sort in the order they were made), random bits.
 */
export function uuidV7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(bytes);
}

export function randomId(): string {
  return randomUUID();
}

/** A deterministic digit string, for TSP-style numeric ids. */
export function digitsFromName(name: string, length: number): string {
  const hash = createHash('sha256').update(name).digest();
  let out = '';
  for (let i = 0; out.length < length; i++) out += String((hash[i % hash.length] ?? 0) % 10);
  return out.replace(/^0/, '1');
}

/**
 * What a TSP's own id looks like for this provider, so `source_id` values read like real ones.
 * `seed` makes it deterministic (seed data); omit it for a fresh random id.
 */
export function tspSourceId(sourceName: string, seed?: string): string {
  const basis = seed ?? randomUUID();
  switch (sourceName) {
    case 'samsara':
      return digitsFromName(basis, 15);
    case 'motive':
      return digitsFromName(basis, 7);
    case 'geotab':
      return `b${createHash('sha256').update(basis).digest('hex').slice(0, 4).toUpperCase()}`;
    default:
      return `${sourceName.slice(0, 3).toUpperCase()}-${createHash('sha256').update(basis).digest('hex').slice(0, 10)}`;
  }
}

/** A deterministic 17-character VIN (no I, O or Q, like real ones). */
export function vinFromName(name: string): string {
  const alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const hash = createHash('sha256').update(`vin:${name}`).digest();
  let vin = '';
  for (let i = 0; i < 17; i++) vin += alphabet[(hash[i] ?? 0) % alphabet.length];
  return vin;
}
