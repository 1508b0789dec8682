/**
 * API keys (GATEWAY_AUTH=api-key): GATEWAY_API_KEYS_FILE lists
 * `{ id, sha256, scopes, fleetRefs?, connectionIds? }`, where `sha256` is the hex SHA-256 of the key.
 * Keys themselves are never stored or logged; a presented key is hashed and compared with every
 * entry in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SCOPES, type Viewer } from './viewer.ts';

const entrySchema = z.object({
  id: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-hex-digit SHA-256 of the key'),
  scopes: z.array(z.enum(SCOPES)).min(1),
  fleetRefs: z.array(z.string().min(1)).optional(),
  connectionIds: z.array(z.guid()).optional(),
});
export type ApiKeyEntry = z.infer<typeof entrySchema>;

/** Reads and checks the keys file; every problem is reported at once. */
export async function loadApiKeys(path: string): Promise<ApiKeyEntry[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`GATEWAY_API_KEYS_FILE ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = z.array(entrySchema).min(1, 'must list at least one key').safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - [${i.path.join('.')}] ${i.message}`).join('\n');
    throw new Error(`GATEWAY_API_KEYS_FILE ${path} is not valid:\n${problems}`);
  }
  const ids = parsed.data.map((k) => k.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0)
    throw new Error(`GATEWAY_API_KEYS_FILE ${path} repeats the ids ${repeated.join(', ')}`);
  return parsed.data;
}

export function viewerOf(entry: ApiKeyEntry): Viewer {
  return {
    id: entry.id,
    scopes: new Set(entry.scopes),
    fleetRefs: entry.fleetRefs ? new Set(entry.fleetRefs) : undefined,
    connectionIds: entry.connectionIds ? new Set(entry.connectionIds.map((c) => c.toLowerCase())) : undefined,
  };
}

/** Finds the viewer of a presented key, or undefined. */
export function createApiKeyVerifier(entries: ApiKeyEntry[]) {
  const known = entries.map((entry) => ({
    digest: Buffer.from(entry.sha256, 'hex'),
    viewer: viewerOf(entry),
  }));
  return (key: string): Viewer | undefined => {
    const digest = createHash('sha256').update(key).digest();
    let found: Viewer | undefined;
    // Every entry is compared (no early exit), each in constant time.
    for (const entry of known) if (timingSafeEqual(digest, entry.digest)) found = entry.viewer;
    return found;
  };
}
