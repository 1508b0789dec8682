import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import type { GraphQLResponse } from './gateway.ts';

export interface KeySpec {
  id: string;
  scopes: ('read' | 'write' | 'subscribe')[];
  fleetRefs?: string[];
  connectionIds?: string[];
}

/** Writes a GATEWAY_API_KEYS_FILE for `specs`; returns its path and the clear keys by id. */
export function apiKeysFile(specs: KeySpec[]): { path: string; keys: Record<string, string> } {
  const keys: Record<string, string> = {};
  const entries = specs.map((spec) => {
    const key = `cgw_${randomBytes(24).toString('base64url')}`;
    keys[spec.id] = key;
    return { ...spec, sha256: createHash('sha256').update(key).digest('hex') };
  });
  const path = join(mkdtempSync(join(tmpdir(), 'catena-keys-')), 'keys.json');
  writeFileSync(path, JSON.stringify(entries));
  return { path, keys };
}

/** A GraphQL request with an Authorization header (or none). */
export async function gqlAs<T = Record<string, unknown>>(
  url: string,
  authorization: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T> & { headers: Record<string, string | string[] | undefined> }> {
  const res = await request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.statusCode, headers: res.headers, ...((await res.body.json()) as object) };
}
