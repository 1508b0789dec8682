/**
 * Send one of the twelve writes and watch it settle. The form for each write comes from the
 * committed schema (virtual:schema-facts): its arguments, its input's fields, which are required,
 * the values of its enums. Text fields are sent as typed; numbers, yes/no and JSON are parsed
 * first, and a value that does not parse is said before anything is sent. The operation is then
 * followed with `operationStatus` until it is SUCCESS or FAILED.
 */

import facts from 'virtual:schema-facts';
import type { Client } from '@urql/core';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FollowSubscription } from './documents.ts';
import { FormControl } from './FormControl.tsx';
import { formatTime, words } from './format.ts';
import type { FollowedOperationFragment } from './generated/graphql.ts';
import { resilientSubscription } from './live.ts';
import type { Connection } from './use-connections.ts';
import { writeDocument, writeFields, writeVariables } from './write-request.ts';

interface Sent {
  /** Each status the operation was seen in, and when. */
  states: { status: string; at: string }[];
  operation?: FollowedOperationFragment;
  refusal?: { code: string; message: string; fieldErrors?: { path: string[]; message: string }[] };
}

export function WriteForm({
  client,
  connections,
  onSent,
}: {
  client: Client;
  connections: Connection[];
  onSent(operation: FollowedOperationFragment): void;
}) {
  const writes = facts.writes;
  const [name, setName] = useState(
    writes.find((w) => w.mutation === 'createTrailer')?.mutation ?? writes[0]?.mutation,
  );
  const write = writes.find((w) => w.mutation === name) ?? (writes[0] as (typeof writes)[number]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const document = useMemo(() => writeDocument(write), [write]);
  const fields = writeFields(write);
  const required = fields.filter((f) => f.required);
  const optional = fields.filter((f) => !f.required);

  // Follow the operation sent until it settles (operationStatus completes after SUCCESS or FAILED).
  const followed = sent?.operation && !sent.refusal ? sent.operation : undefined;
  const followId = followed?.catenaId;
  useEffect(() => {
    if (!followed) return;
    return resilientSubscription(
      client,
      FollowSubscription,
      () => ({ connectionId: followed.connectionId, id: followed.catenaId }),
      {
        data: ({ operationStatus: op }) => {
          setSent((s) =>
            s && s.operation?.catenaId === op.catenaId
              ? {
                  ...s,
                  operation: op,
                  states:
                    s.states.at(-1)?.status === op.status
                      ? s.states
                      : [...s.states, { status: op.status, at: op.updatedAt }],
                }
              : s,
          );
          onSent(op);
        },
        failed: (error) => setProblem(error.message),
        reconnecting: () => undefined,
      },
    );
  }, [followId]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    let variables: Record<string, unknown>;
    try {
      variables = writeVariables(write, values);
    } catch (error) {
      setProblem((error as Error).message);
      return;
    }
    setSending(true);
    const result = await client.mutation(document, variables).toPromise();
    setSending(false);
    if (result.error) {
      setProblem(result.error.message);
      return;
    }
    const answer = result.data?.write;
    if (answer?.operation) {
      setSent({
        operation: answer.operation,
        states: [{ status: answer.operation.status, at: answer.operation.updatedAt }],
      });
      onSent(answer.operation);
    } else {
      setSent({
        states: [],
        refusal: {
          code: answer?.code ?? 'UNKNOWN',
          message: answer?.message ?? 'No answer',
          fieldErrors: answer?.fieldErrors,
        },
      });
    }
  };

  const fieldFor = (f: (typeof fields)[number]) => (
    <FormControl
      key={f.key}
      id={`w-${f.key}`}
      field={f}
      value={values[f.key] ?? ''}
      connections={connections}
      onInput={(v) => {
        setValues((all) => ({ ...all, [f.key]: v }));
        setProblem(null);
      }}
    />
  );

  return (
    <section class="panel write" aria-labelledby="write-title">
      <header class="panel-head">
        <h2 id="write-title">Send a write</h2>
      </header>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="w-mutation">Write</label>
          <select
            id="w-mutation"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setSent(null);
              setProblem(null);
            }}
          >
            {writes.map((w) => (
              <option key={w.mutation} value={w.mutation}>
                {w.mutation}
              </option>
            ))}
          </select>
          {write.description ? <small class="muted">{write.description}</small> : null}
        </div>
        {required.map(fieldFor)}
        <details>
          <summary>More fields ({optional.length})</summary>
          {optional.map(fieldFor)}
        </details>
        {problem ? (
          <p role="alert" class="error">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={sending}>
          {sending ? 'Sending…' : `Send ${write.mutation}`}
        </button>
      </form>
      <div aria-live="polite" class="outcome">
        {sent?.refusal ? (
          <div class="refusal" data-code={sent.refusal.code}>
            <p>
              <strong>Refused: {sent.refusal.code}</strong> {sent.refusal.message}
            </p>
            {sent.refusal.fieldErrors?.length ? (
              <ul>
                {sent.refusal.fieldErrors.map((e) => (
                  <li key={e.path.join('.')}>
                    <code>{e.path.join('.')}</code>: {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {sent?.operation ? (
          <div class="followed" data-id={sent.operation.catenaId} data-status={sent.operation.status}>
            <p>
              Operation <code>{sent.operation.catenaId}</code>
            </p>
            <ol class="states" aria-label="States">
              {sent.states.map((s) => (
                <li key={s.status}>
                  <span class={`badge ${s.status.toLowerCase()}`}>{words(s.status)}</span>{' '}
                  <span class="muted">{formatTime(s.at)}</span>
                </li>
              ))}
            </ol>
            {sent.operation.status === 'FAILED' ? (
              <ul class="failure-logs">
                {sent.operation.logs.map((log, n) => (
                  <li key={n}>
                    {words(log.errorType ?? 'unknown')} error
                    {log.responseStatusCode != null ? ` (TSP ${log.responseStatusCode})` : ''}
                    {log.errorDetails ? `: ${log.errorDetails}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
