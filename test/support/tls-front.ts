/**
 * HTTPS in front of a loopback http server, as a company's load balancer terminates TLS in front
 * of the provisioning backend: a certificate for a public name, each request forwarded as it came.
 */
import { request } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export async function startTlsFront(
  target: string,
  certificate: { key: string; cert: string },
): Promise<{ port: number; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer(certificate, (incoming, outgoing) => {
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
