/**
 * Queries run compiled by graphql-jit; what it cannot do (incremental delivery) and what gains
 * nothing from it (mutations, subscriptions) stays on graphql-js's interpreter. The whole suite
 * runs queries through the compiled path, so this checks only the choice.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
import { compiledExecution } from '../../src/yoga.ts';

const chosen = (source: string, operationName?: string) =>
  compiledExecution({ schema, document: parse(source), operationName });

describe('compiled execution', () => {
  it('runs queries compiled', () => {
    expect(chosen('{ connections(first: 1) { edges { node { id } } } }')).toBe(true);
    expect(chosen('query A { __typename } mutation B { __typename }', 'A')).toBe(true);
  });

  it('leaves mutations, subscriptions and @defer/@stream to the interpreter', () => {
    expect(chosen('query A { __typename } mutation B { __typename }', 'B')).toBe(false);
    expect(chosen('subscription { resourceOperationEvents { eventId } }')).toBe(false);
    expect(chosen('{ ... @defer { connections(first: 1) { edges { node { id } } } } }')).toBe(false);
  });
});
