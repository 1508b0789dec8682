/**
 * Mesh Compose (`mesh-compose -c mesh.config.mjs -o supergraph.graphql`): Catena's OpenAPI
 * (catena-openapi.yaml) as one REST subgraph, for Hive Gateway to serve. The endpoint and the bearer
 * token are read from the gateway's environment at request time (`{env.…}`), so the composed
 * supergraph holds neither.
 *
 * JavaScript rather than TypeScript: the root typecheck covers bench/, and Mesh's packages are
 * bench/peer's own dependencies, installed only by `npm run bench:peer`.
 */
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Catena', {
        source: './catena-openapi.yaml',
        endpoint: '{env.CATENA_API_URL}',
        operationHeaders: { Authorization: 'Bearer {env.CATENA_TOKEN}' },
      }),
    },
  ],
  // ResourceOperationRead.connection, by the operation's connection_id. Not an OpenAPI link: Mesh
  // evaluates a link's `$response.body#/connection_id` against the HTTP answer of the operation
  // that has the link, so it resolves at the root of get_resource_operation but not for the items
  // of list_resource_operations (each of them sent Catena no valid connection id and got a 422). An
  // additional resolver reads each item's own connection_id.
  additionalTypeDefs: /* GraphQL */ `
    extend type ResourceOperationRead {
      connection: get_connection_response
        @resolveTo(
          sourceName: "Catena"
          sourceTypeName: "Query"
          sourceFieldName: "get_connection"
          requiredSelectionSet: "{ connection_id }"
          sourceArgs: { connection_id: "{root.connection_id}" }
        )
    }
  `,
});
