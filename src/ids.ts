import { randomFillSync } from 'node:crypto';

/** Random bytes drawn from a pool refilled 4 KiB at a time: one getrandom call per 250 ids, not two per id. */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomBytes(size: number): Buffer {
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  used += size;
  return bytes;
}

let lastMs = 0;
let counter = 0;

/**
 * UUID v7 (RFC 9562): 48-bit milliseconds, then a 12-bit counter (method 1, "fixed-length dedicated
 * counter"), then random bits. Ids made by this process sort in the order they were made, also
 * within one millisecond, as an event log needs.
 */
export function uuidV7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytes(2).readUInt16BE() & 0x3ff; // start low so the counter rarely overflows
  } else if (++counter > 0xfff) {
    lastMs += 1; // borrow the next millisecond rather than go backwards
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The 8-4-4-4-12 hex shape of a UUID, of any version, in either case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID is a value, not a spelling: the gateway keeps every UUID lower-case (as RFC 9562 writes
 * them), from GraphQL arguments and Catena's answers and webhooks alike, so ids compare, key maps
 * and name Redis keys the same however a client or Catena spelled them.
 */
export const canonicalUuid = (id: string): string => id.toLowerCase();
