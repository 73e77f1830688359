/**
 * The far end of bench/network/proxy-bench.ts, in a process of its own so its CPU is not ours:
 * an HTTPS server (key and certificate paths in argv) that answers `GET /blob?bytes=N` with N
 * bytes and swallows any `PUT /sink` body, answering with the byte count. Prints its port.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const [keyPath, certPath] = process.argv.slice(2);
const block = Buffer.alloc(1024 * 1024, 0x5a);
const server = createServer({ key: readFileSync(keyPath!), cert: readFileSync(certPath!) }, (req, res) => {
  const url = new URL(req.url ?? '/', 'https://bench');
  if (req.method === 'GET' && url.pathname === '/blob') {
    let left = Number(url.searchParams.get('bytes'));
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(left) });
    const pump = (): void => {
      while (left > 0) {
        const piece = left >= block.length ? block : block.subarray(0, left);
        left -= piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
    return;
  }
  if (req.method === 'PUT' && url.pathname === '/sink') {
    let received = 0;
    req.on('data', (chunk: Buffer) => (received += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(String(received)));
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
