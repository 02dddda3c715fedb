// A TCP port on loopback that drops SYNs, the way a firewall's DROP rule looks from outside:
// connects time out instead of being refused. Loopback never drops on its own, so: a socket
// listens with backlog 1 (Node reads 0 as "default", 511) in a worker thread whose event
// loop is then blocked (it never accepts), and the accept queue is filled first. Linux then drops further SYNs
// (net/ipv4/tcp_input.c tcp_conn_request: accept queue full → drop) unless
// net.ipv4.tcp_abort_on_overflow is 1, in which case they are reset.
import net from 'node:net';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const server = net.createServer();
server.listen({ host: workerData.host, port: 0, backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  // Block this thread's event loop until told to stop: nothing is ever accepted.
  Atomics.wait(new Int32Array(workerData.stop), 0, 0);
  server.close();
});
`;

export interface FilteredPort {
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startFilteredPort(host = '127.0.0.1'): Promise<FilteredPort> {
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER, { eval: true, workerData: { host, stop } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // Fill the accept queue; these sockets stay until close().
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 4; i++) {
    const s = net.connect({ host, port });
    s.on('error', () => s.destroy());
    fillers.push(s);
  }
  await Promise.all(
    fillers.map(
      (s) => new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        s.once('connect', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
    ),
  );
  return {
    host,
    port,
    async close() {
      for (const s of fillers) s.destroy();
      Atomics.store(new Int32Array(stop), 0, 1);
      Atomics.notify(new Int32Array(stop), 0);
      await worker.terminate();
    },
  };
}
