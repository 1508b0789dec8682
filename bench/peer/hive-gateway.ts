/**
 * Hive Gateway's own CLI, `hive-gateway supergraph <file>`, as a user runs it. An entry file because
 * bench/processes.ts starts entries without arguments: this one puts the CLI's arguments in place.
 * Port, host and workers come from the CLI's environment variables (PORT, HOST, FORK).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const bin = require.resolve('@graphql-hive/gateway/package.json').replace(/package\.json$/, 'dist/bin.js');
process.argv.splice(2, 0, 'supergraph', process.env.PEER_SUPERGRAPH ?? 'supergraph.graphql');
await import(pathToFileURL(bin).href);
