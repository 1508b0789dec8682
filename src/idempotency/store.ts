/**
 * Idempotency keys for mutations. A key is scoped to the caller and the mutation; the store keeps,
 * for 24 hours, what the first call with it did, so a retry gets the same operation without a
 * second Catena write. The in-memory store serves one replica; the Redis store (several replicas)
 * implements the same interface.
 */
import type { ResourceOperation } from '../catena/schemas.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What the first call with a key ended with. */
export type IdempotentOutcome =
  /** Catena created the operation (`rejected`: a sync write the TSP refused, 502). */
  | { kind: 'operation'; operation: ResourceOperation; rejected: boolean }
  /** The call may or may not have reached Catena (timeout, 5xx): repeating it could double it. */
  | { kind: 'uncertain' };

export type Claim =
  | { state: 'claimed' }
  | { state: 'running'; fingerprint: string }
  | { state: 'done'; fingerprint: string; outcome: IdempotentOutcome };

export interface IdempotencyStore {
  /** Takes `key` for a new call, atomically, or says what holds it. */
  claim(key: string, fingerprint: string): Promise<Claim>;
  /** Records the outcome of the call that claimed `key`. */
  finish(key: string, fingerprint: string, outcome: IdempotentOutcome): Promise<void>;
  /** Frees `key`: the call that claimed it provably wrote nothing, so a retry may write. */
  release(key: string): Promise<void>;
  /** Resolves once `key` is no longer running (finished or released), or after `timeoutMs`. */
  settled(key: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
