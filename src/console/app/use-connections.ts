/** Every connection the credential may read (for the filters and the write form), page by page. */
import { useEffect, useState } from 'preact/hooks';
import type { ConsoleClient } from './client.ts';
import { ConnectionsQuery } from './documents.ts';
import type { ConsoleConnectionsQuery } from './generated/graphql.ts';

export type Connection = ConsoleConnectionsQuery['connections']['edges'][number]['node'];

/** At most this many pages of 100. */
const MAX_PAGES = 50;

export function useConnections(client: ConsoleClient, onProblem: (message: string) => void): Connection[] {
  const [connections, setConnections] = useState<Connection[]>([]);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: Connection[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await client.urql.query(ConnectionsQuery, { after }).toPromise();
        if (cancelled) return;
        if (result.error) {
          onProblem(result.error.message);
          return;
        }
        const connectionPage: ConsoleConnectionsQuery['connections'] | undefined = result.data?.connections;
        if (!connectionPage) return;
        all.push(...connectionPage.edges.map((e) => e.node));
        if (!connectionPage.pageInfo.hasNextPage) break;
        after = connectionPage.pageInfo.endCursor ?? null;
      }
      setConnections(all);
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);
  return connections;
}
