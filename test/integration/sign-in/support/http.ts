import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request with full control of the Host header (fetch does not allow that). */
export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}` },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Holds a port so the code under test finds it busy. */
export async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return { port: address.port, server };
}

export async function freePort(): Promise<number> {
  const { port, server } = await occupyPort();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Another program holding a loopback port: a separate Node process listening on it until stopped. */
export async function holdPortInChildProcess(): Promise<{ port: number; stop(): Promise<void> }> {
  const holder = spawn(
    process.execPath,
    ['-e', "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => console.log(s.address().port));"],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(holder.stdout, 'data')) as [Buffer];
  return {
    port: Number(line.toString().trim()),
    async stop() {
      const exited = once(holder, 'exit');
      holder.kill();
      await exited;
    },
  };
}
