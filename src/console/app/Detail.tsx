/** One operation: what was sent to the TSP (the payload) and each attempt, as Catena logged it. */
import { useQuery } from '@urql/preact';
import { useEffect, useRef } from 'preact/hooks';
import { OperationQuery } from './documents.ts';
import { formatTime, words } from './format.ts';
import type { Row } from './operations.ts';

export function OperationDetail({ row, onClose }: { row: Row; onClose(): void }) {
  // Read again whenever the row's state changes (an event arrived for it).
  const [{ data, fetching, error }, read] = useQuery({
    query: OperationQuery,
    variables: { connectionId: row.connectionId, id: row.catenaId },
  });
  const state = `${row.status}@${row.updatedAt}`;
  const readFor = useRef(state);
  useEffect(() => {
    if (readFor.current === state) return;
    readFor.current = state;
    read({ requestPolicy: 'network-only' });
  }, [state]);
  const operation = data?.resourceOperation;
  // An operation opened from the table comes into view (the side panel may be scrolled to the form).
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.scrollIntoView({ block: 'nearest' }), [row.catenaId]);
  return (
    <section ref={section} class="detail panel" aria-labelledby="detail-title">
      <header class="panel-head">
        <h2 id="detail-title">
          Operation <code>{row.catenaId}</code>
        </h2>
        <button type="button" class="ghost" onClick={onClose} aria-label="Close the operation">
          ×
        </button>
      </header>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge ${row.status.toLowerCase()}`}>{words(row.status)}</span>
        </dd>
        <dt>Write</dt>
        <dd>
          {words(row.operationType)} {words(row.resource)}
        </dd>
        <dt>Fleet</dt>
        <dd>{row.fleetRef ?? '—'}</dd>
        <dt>TSP</dt>
        <dd>{words(row.sourceName) || '—'}</dd>
        <dt>Connection</dt>
        <dd>
          <code>{row.connectionId}</code>
          {operation?.connection ? ` (${words(operation.connection.status)})` : ''}
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(row.createdAt)}</dd>
        <dt>Updated</dt>
        <dd>{formatTime(row.updatedAt)}</dd>
        {operation?.resourceId ? (
          <>
            <dt>Record</dt>
            <dd>
              <code>{operation.resourceId}</code>
              {operation.sourceId ? ` (TSP id ${operation.sourceId})` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {error ? (
        <p role="alert" class="error">
          {error.message}
        </p>
      ) : null}
      {fetching && !operation ? <p class="muted">Reading the operation…</p> : null}
      {operation ? (
        <>
          <h3>Attempts</h3>
          {operation.logs.length === 0 ? (
            <p class="muted">No attempt yet: Catena has not tried the TSP.</p>
          ) : (
            <ol class="timeline" aria-label="Attempts, oldest first">
              {operation.logs.map((log, n) => (
                <li key={log.id} class={`attempt ${log.status.toLowerCase()}`}>
                  <p>
                    <strong>Attempt {n + 1}</strong> <span class="muted">{formatTime(log.createdAt)}</span>{' '}
                    <span class={`badge ${log.status.toLowerCase()}`}>{words(log.status)}</span>
                    {log.errorType ? <span class="tag">{words(log.errorType)} error</span> : null}
                    {log.responseStatusCode != null ? (
                      <span class="tag">TSP answered {log.responseStatusCode}</span>
                    ) : null}
                  </p>
                  {log.errorDetails ? <p class="details">{log.errorDetails}</p> : null}
                  {log.responseHeaders && Object.keys(log.responseHeaders).length > 0 ? (
                    <pre class="json small">{JSON.stringify(log.responseHeaders, null, 2)}</pre>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          <h3>Payload sent to the TSP</h3>
          <pre class="json payload">{JSON.stringify(operation.payload, null, 2)}</pre>
        </>
      ) : null}
    </section>
  );
}
