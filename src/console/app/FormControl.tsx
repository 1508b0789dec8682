/**
 * One field of the write form, labelled with its name, its GraphQL type and its description: a
 * choice of connection for `connectionId`, a choice of values for enums and yes/no, a text area
 * for JSON (lists and objects), a text or number box for the rest.
 */
import type { JSX } from 'preact';
import type { FormField } from '../schema-facts.ts';
import { words } from './format.ts';
import type { Connection } from './use-connections.ts';

export function FormControl({
  id,
  field,
  value,
  onInput,
  connections,
}: {
  id: string;
  field: FormField;
  value: string;
  onInput(value: string): void;
  connections: Connection[];
}) {
  const label = (
    <label for={id}>
      {field.name}
      {field.required ? <span aria-hidden="true"> *</span> : null}
      <span class="type">{field.type}</span>
    </label>
  );
  const hint = field.description ? (
    <small id={`${id}-hint`} class="muted">
      {field.description}
    </small>
  ) : null;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-describedby': field.description ? `${id}-hint` : undefined,
  };
  let control: JSX.Element;
  if (field.name === 'connectionId') {
    control = (
      <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
        <option value="">Choose a connection</option>
        {connections.map((c) => (
          <option key={c.catenaId} value={c.catenaId}>
            {c.fleetRef ?? c.catenaId} · {words(c.sourceName)} ({words(c.status)})
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'enum' || field.kind === 'boolean') {
    const values = field.kind === 'boolean' ? ['true', 'false'] : (field.values ?? []);
    control = (
      <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
        <option value="">{field.required ? 'Choose' : '(not set)'}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'json') {
    control = (
      <textarea
        {...common}
        rows={3}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        spellcheck={false}
      />
    );
  } else {
    control = (
      <input
        {...common}
        {...(field.kind === 'text'
          ? { type: 'text' as const }
          : { type: 'number' as const, step: field.kind === 'float' ? 'any' : '1' })}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        autoComplete="off"
      />
    );
  }
  return (
    <div class="field">
      {label}
      {control}
      {hint}
    </div>
  );
}
