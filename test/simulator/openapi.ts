/**
 * Catena's published OpenAPI fragments (test/fixtures/catena-openapi, each naming its source),
 * compiled with Ajv, for the contract tests: answers are validated against Catena's schemas, not
 * against anything of ours.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

export type Json = Record<string, unknown>;

export interface OpenApiDoc {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
}

export type Spec = 'integrations' | 'telematics' | 'workflows' | 'notifications';

const FILES: Record<Spec, string> = {
  integrations: 'integrations-resource-operations.json',
  telematics: 'telematics.json',
  workflows: 'telematics-workflows.json',
  notifications: 'notifications.json',
};

export function loadSpec(spec: Spec): OpenApiDoc {
  const url = new URL(`../fixtures/catena-openapi/${FILES[spec]}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as OpenApiDoc;
}

/**
 * The Notifications OpenAPI of the SDK predates the `resource_operation.*` events that Catena's
 * newer webhook pages document (api-facts §4.6); they are added to its event-name enum, and to
 * nothing else.
 */
const NEWER_EVENT_NAMES = [
  'resource_operation.created',
  'resource_operation.succeeded',
  'resource_operation.failed',
];

export function createValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const docs = Object.fromEntries(
    (Object.keys(FILES) as Spec[]).map((spec) => [spec, loadSpec(spec)]),
  ) as Record<Spec, OpenApiDoc>;
  const eventNames = docs.notifications.components.schemas.WebhookEventName as { enum: string[] };
  eventNames.enum = [...eventNames.enum, ...NEWER_EVENT_NAMES];
  for (const [spec, doc] of Object.entries(docs)) ajv.addSchema({ $id: spec, components: doc.components });

  const schemaOf = (spec: Spec, name: string): Json => {
    const schema = docs[spec].components.schemas[name];
    if (schema === undefined) throw new Error(`no schema ${name} in the ${spec} OpenAPI`);
    return schema;
  };

  return {
    docs,
    schemaOf,
    /** Ajv's verdict on `value` as `#/components/schemas/<name>` of `spec`. */
    check(spec: Spec, name: string, value: unknown) {
      schemaOf(spec, name);
      const validate = ajv.getSchema(`${spec}#/components/schemas/${name}`);
      if (!validate) throw new Error(`Ajv has no ${spec} ${name}`);
      return validate(value) ? [] : (validate.errors ?? []);
    },
    expectValid(spec: Spec, name: string, value: unknown) {
      expect(
        this.check(spec, name, value),
        `${spec} ${name}: ${JSON.stringify(value).slice(0, 300)}`,
      ).toEqual([]);
    },
    /** Keys the schema does not declare: a misspelt field the schema would let through. */
    undeclared(spec: Spec, name: string, value: Json): string[] {
      const declared = Object.keys((schemaOf(spec, name).properties as Json | undefined) ?? {});
      return Object.keys(value).filter((key) => !declared.includes(key));
    },
  };
}

export type Validator = ReturnType<typeof createValidator>;
