/**
 * The floor of the stack: graphql-yoga with one resolver that makes the same GET to the simulator
 * over undici and returns its JSON, with no auth, limits, metrics, validation of the answer or
 * anything else of the gateway's. A third baseline for `npm run bench`: what GraphQL over HTTP costs
 * on this machine before the gateway adds anything.
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { Pool } from 'undici';
import { simulatorToken } from './simulator-token.ts';

const target = process.env.BARE_TARGET ?? 'http://127.0.0.1:4610';
const port = Number(process.env.BARE_PORT ?? 4630);
const pool = new Pool(target, { connections: 128 });

const authorization = `Bearer ${await simulatorToken(target)}`;
const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Log { status: String }
      type Operation { id: ID!, status: String, resource: String, logs: [Log] }
      type Query { resourceOperation(connectionId: ID!, id: ID!): Operation }
    `,
    resolvers: {
      Query: {
        resourceOperation: async (_: unknown, args: { connectionId: string; id: string }) => {
          const res = await pool.request({
            method: 'GET',
            path: `/v2/integrations/connections/${args.connectionId}/resource-operations/${args.id}`,
            headers: { authorization },
          });
          return res.body.json();
        },
      },
    },
  }),
  // Like the gateway: the body limit is left to whatever is in front.
  maxRequestBodySize: false,
  logging: false,
});

createServer(yoga).listen(port, '127.0.0.1', () => console.log(`bare yoga listening on :${port}`));
process.on('SIGTERM', () => process.exit(0));
