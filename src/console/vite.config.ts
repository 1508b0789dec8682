/**
 * The console's build (`npm run build:console`, run by `npm ci` through `prepare`): the Preact app
 * in src/console/app, bundled into dist/console, which the gateway serves at /console. What it
 * needs of the schema (enums, the write forms) comes from the committed schema.graphql as the
 * virtual module `virtual:schema-facts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';
import { schemaFacts } from './schema-facts.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SCHEMA = here('../../schema.graphql');

function schemaFactsModule(): Plugin {
  const id = 'virtual:schema-facts';
  return {
    name: 'schema-facts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(SCHEMA);
      const facts = schemaFacts(buildSchema(readFileSync(SCHEMA, 'utf8')));
      return `export default ${JSON.stringify(facts)};`;
    },
  };
}

export default defineConfig({
  root: here('./app'),
  base: '/console/',
  plugins: [schemaFactsModule()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // No inline scripts or styles: the page's Content-Security-Policy allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
  },
  logLevel: 'warn',
});
