import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CatenaTimeoutError, CatenaUnavailableError } from '../../src/catena/errors.ts';
import { ClientError } from '../../src/errors.ts';
import { clientMistake } from '../../src/observability/client-mistakes.ts';

const abort = () => new DOMException('This operation was aborted', 'AbortError');
const wrapped = (original: Error) => new GraphQLError(original.message, { originalError: original });

describe('what counts as a client mistake (debug, not error, in the logs)', () => {
  it.each([
    ['an aborted request', [wrapped(abort())], 'aborted'],
    [
      'an unknown id from a resolver',
      [wrapped(new ClientError('NOT_FOUND', 'No such operation'))],
      'not_found',
    ],
    ['refused input', [new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } })], 'bad_input'],
    ['a missing scope', [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })], 'refused'],
  ] as const)('%s is one', (_, args, kind) => {
    expect(clientMistake(args)).toBe(kind);
  });

  it.each([
    [
      'a Catena timeout (the gateway gave up, with an abort as its cause)',
      [wrapped(new CatenaTimeoutError('Catena did not answer', 10_000, { cause: abort() }))],
    ],
    ['Catena unavailable', [wrapped(new CatenaUnavailableError('503'))]],
    ['a bug', [wrapped(new TypeError('x is undefined'))]],
  ] as const)('%s is not', (_, args) => {
    expect(clientMistake(args)).toBeUndefined();
  });
});
