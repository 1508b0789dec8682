/**
 * A minimal pass-through proxy to the simulator (undici, keep-alive): the cheapest thing a gateway
 * could be, as a second baseline for `npm run bench`.
 */
import { createServer } from 'node:http';
import { Agent, request } from 'undici';

const target = process.env.PROXY_TARGET ?? 'http://127.0.0.1:4610';
const port = Number(process.env.PROXY_PORT ?? 4620);
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });

createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await request(`${target}${req.url}`, {
      method: req.method as 'GET',
      dispatcher: agent,
      headers: {
        authorization: req.headers.authorization ?? '',
        'content-type': req.headers['content-type'] ?? 'application/json',
      },
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
    res.end(Buffer.from(await upstream.body.arrayBuffer()));
  } catch {
    res.writeHead(502).end();
  }
}).listen(port, '127.0.0.1', () => console.log(`proxy listening on :${port}`));
