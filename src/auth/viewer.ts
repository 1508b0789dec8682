/**
 * Who is calling and what they may do: the same model whatever authenticated them (API key, JWT,
 * or nobody when authentication is off).
 */
export const SCOPES = ['read', 'write', 'subscribe'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Viewer {
  /** The API key's id, or the JWT's subject; `anonymous` when authentication is off. */
  id: string;
  scopes: ReadonlySet<Scope>;
  /** The fleets it may see; undefined: every fleet. */
  fleetRefs?: ReadonlySet<string>;
  /** The connections it may see; undefined: every connection. */
  connectionIds?: ReadonlySet<string>;
}

/** Authentication off: everything is allowed (the gateway warns at start). */
export const ANONYMOUS: Viewer = { id: 'anonymous', scopes: new Set(SCOPES) };

/** Whether the viewer may see a connection, given its id and its fleet's reference. */
export function canSeeConnection(
  viewer: Viewer,
  connectionId: string,
  fleetRef: string | null | undefined,
): boolean {
  if (viewer.connectionIds && !viewer.connectionIds.has(connectionId.toLowerCase())) return false;
  if (viewer.fleetRefs && (fleetRef == null || !viewer.fleetRefs.has(fleetRef))) return false;
  return true;
}
