/**
 * Relay's compiler accepts the gateway's schema (schema.graphql, committed) and compiles the
 * documents a Relay app writes against it: a query with a refetchable fragment on `Node`, a
 * `@connection` over `Connection.resourceOperations`, a mutation reading its result union and the
 * `Error` interface, and a subscription. The compiler is run for real, into a temporary project.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
/** The platform binary the relay-compiler package ships (null where it has none). */
const relayBinary = require('relay-compiler') as string | null;
const schemaPath = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

const SOURCE = `
import { graphql } from 'relay-runtime';

export const connectionFragment = graphql\`
  fragment FleetView_connection on Connection
  @refetchable(queryName: "FleetViewConnectionRefetchQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    id
    fleetRef
    sourceName
    resourceOperations(first: $count, after: $cursor) @connection(key: "FleetView_resourceOperations") {
      edges { node { id status resource createdAt logs { status errorType } } }
    }
  }
\`;

export const query = graphql\`
  query FleetViewQuery($first: Int!) {
    connections(first: $first) {
      edges { node { id ...FleetView_connection } }
    }
  }
\`;

export const mutation = graphql\`
  mutation FleetViewCreateTrailerMutation($input: CreateTrailerInput!) {
    createTrailer(input: $input) {
      __typename
      ... on CreateTrailerSuccess { operation { id status } }
      ... on Error { code message }
      ... on InputValidationError { fieldErrors { path message } }
    }
  }
\`;

export const subscription = graphql\`
  subscription FleetViewOperationStatusSubscription($connectionId: UUID!, $id: UUID!) {
    operationStatus(connectionId: $connectionId, id: $id) { id status updatedAt }
  }
\`;
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(relayBinary === null)(
  'the Relay compiler (skipped only where relay-compiler ships no binary for this platform)',
  () => {
    it("compiles a Relay app's documents against schema.graphql", async () => {
      const project = mkdtempSync(join(tmpdir(), 'relay-'));
      dirs.push(project);
      mkdirSync(join(project, 'src', '__generated__'), { recursive: true });
      writeFileSync(join(project, 'src', 'FleetView.ts'), SOURCE);
      writeFileSync(
        join(project, 'relay.config.json'),
        JSON.stringify({
          src: './src',
          schema: schemaPath,
          language: 'typescript',
          artifactDirectory: './src/__generated__',
          customScalarTypes: { UUID: 'string', DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        }),
      );
      const { stdout, stderr } = await run(relayBinary ?? '', [], { cwd: project }).catch(
        (error: unknown) => {
          const failed = error as { stdout?: string; stderr?: string };
          throw new Error(`relay-compiler failed:\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`);
        },
      );
      expect(`${stdout}${stderr}`).not.toMatch(/error/i);
      expect(readdirSync(join(project, 'src', '__generated__')).sort()).toEqual([
        'FleetViewConnectionRefetchQuery.graphql.ts',
        'FleetViewCreateTrailerMutation.graphql.ts',
        'FleetViewOperationStatusSubscription.graphql.ts',
        'FleetViewQuery.graphql.ts',
        'FleetView_connection.graphql.ts',
      ]);
    });

    it('refuses a document the schema does not allow (so the test above means something)', async () => {
      const project = mkdtempSync(join(tmpdir(), 'relay-'));
      dirs.push(project);
      mkdirSync(join(project, 'src'));
      writeFileSync(
        join(project, 'src', 'Bad.ts'),
        "import { graphql } from 'relay-runtime';\nexport const q = graphql`query BadQuery { connections { edges { node { credentials } } } }`;\n",
      );
      writeFileSync(
        join(project, 'relay.config.json'),
        JSON.stringify({ src: './src', schema: schemaPath, language: 'typescript' }),
      );
      await expect(run(relayBinary ?? '', [], { cwd: project })).rejects.toMatchObject({
        stderr: expect.stringMatching(/credentials/),
      });
    });
  },
);
