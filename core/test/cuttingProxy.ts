import net from 'node:net';
import { createRng } from '../../bench/data/rng.ts';

export interface CuttingProxyOptions {
  /** Seeds the choices, so a failing run can be repeated. */
  seed: number;
  /** The share of connections whose answer is cut short: after a random number of bytes the connection is closed. */
  cutAnswers: number;
  /** The share of connections that lose a run of bytes in the middle of the answer before they are closed. */
  dropBytes: number;
  /** The share of connections closed in the middle of the request, before the server has all of it. */
  cutRequests: number;
  /** The break falls within this many bytes of the connection's stream. */
  breakWithin: number;
}

/**
 * A TCP proxy on 127.0.0.1 in front of the sync server that breaks connections the way a bad
 * network does: answers cut off part-way (the server did the work, the desk never hears of it),
 * answers missing bytes, requests cut off before their end. Each connection draws its fate when
 * it opens; the rest pass untouched. Counts what it broke, so a test can tell it did.
 */
export async function startCuttingProxy(target: string, options: CuttingProxyOptions) {
  const { hostname, port } = new URL(target);
  const rng = createRng(options.seed);
  const broken = { answersCut: 0, bytesDropped: 0, requestsCut: 0, connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    broken.connections++;
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    const fate = rng.next();
    // Where in the stream the break comes: a connection kept alive carries several requests and
    // answers first, so the break falls in any of them, head or body.
    const at = 1 + rng.int(options.breakWithin);
    const dropped = 1 + rng.int(400);
    let sent = 0;
    let requested = 0;
    client.on('data', (chunk: Buffer) => {
      if (fate >= options.cutAnswers + options.dropBytes && fate < options.cutAnswers + options.dropBytes + options.cutRequests) {
        const room = Math.min(chunk.length, Math.max(0, at - requested));
        requested += chunk.length;
        if (room < chunk.length) {
          if (room > 0) upstream.write(chunk.subarray(0, room));
          broken.requestsCut++;
          setTimeout(end, 20);
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const before = sent;
      sent += chunk.length;
      if (fate < options.cutAnswers && sent > at) {
        client.write(chunk.subarray(0, Math.max(0, at - before)));
        broken.answersCut++;
        // Flushed, then gone: the desk reads part of an answer and then a closed socket.
        client.end(end);
        return;
      }
      if (fate >= options.cutAnswers && fate < options.cutAnswers + options.dropBytes && sent > at) {
        const keep = Math.max(0, at - before);
        client.write(Buffer.concat([chunk.subarray(0, keep), chunk.subarray(Math.min(chunk.length, keep + dropped))]));
        broken.bytesDropped++;
        client.end(end);
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    broken,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
