/**
 * The committed OpenAPI fixture of the resource-operation pages must still be what the seed pages
 * say, where those pages are beside the repository (../shared/seeds on the team's machines). On a
 * clone without them there is nothing to compare with, and the test says so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractSeedOpenApi,
  INTEGRATIONS_FIXTURE,
  SEEDS_DIR,
  seedsPresent,
} from './fixtures/catena-openapi/seed-pages.ts';

const present = seedsPresent();

describe('the OpenAPI fixture of the resource-operation pages', () => {
  it.skipIf(!present)(
    `equals the OpenAPI blocks of the seed pages${present ? '' : ` (skipped: no seed pages at ${SEEDS_DIR})`}`,
    () => {
      const committed = JSON.parse(readFileSync(INTEGRATIONS_FIXTURE, 'utf8')) as unknown;
      expect(committed).toEqual(extractSeedOpenApi());
    },
  );
});
