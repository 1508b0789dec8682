import { meros } from 'meros/browser';

/** POSTs a document asking for multipart/mixed (incremental delivery, `@defer`) to `url`. */
export function postMultipart(url: string, query: string, variables?: Record<string, unknown>) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
    body: JSON.stringify({ query, variables }),
  });
}

/** Every part of a multipart/mixed answer, parsed as JSON, in order (read with meros, as clients do). */
export async function multipartBodies<T = Record<string, unknown>>(response: Response): Promise<T[]> {
  const parts = await meros<T>(response);
  if (!(Symbol.asyncIterator in parts)) {
    throw new Error(`not a multipart answer: ${response.status} ${response.headers.get('content-type')}`);
  }
  const bodies: T[] = [];
  for await (const part of parts) {
    if (!part.json) throw new Error(`a part that is not JSON: ${String(part.body)}`);
    bodies.push(part.body);
  }
  return bodies;
}
