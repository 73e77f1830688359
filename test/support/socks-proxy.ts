/**
 * A real SOCKS5 server for tests: Debian's Dante (`danted`, package dante-server) in the
 * foreground on loopback, without authentication (as Chromium speaks SOCKS), in a mount namespace
 * of its own whose /etc/hosts is the test's: names such as box.corp.test resolve only through it
 * (SOCKS5 carries the name, the server resolves it), so a direct connection cannot succeed.
 * Needs root, for the namespace (the tests and CI run as root).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

export interface SocksProxy {
  port: number;
  /** `socks5://127.0.0.1:PORT` */
  url: string;
  /** Dante's log so far: a line per connection it carried. */
  log(): Promise<string>;
  /** Stops the server (every connection through it drops); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startDante(options: {
  /** name → address, the only place these names resolve. */
  hosts: Record<string, string>;
}): Promise<SocksProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'dante-'));
  // Dante drops to `nobody` for its workers.
  await chmod(dir, 0o777);
  const port = await freePort();
  const hosts = join(dir, 'hosts');
  await writeFile(
    hosts,
    ['127.0.0.1 localhost', ...Object.entries(options.hosts).map(([name, address]) => `${address} ${name}`), ''].join(
      '\n',
    ),
    { mode: 0o644 },
  );
  const conf = join(dir, 'danted.conf');
  await writeFile(
    conf,
    [
      `logoutput: ${dir}/danted.log`,
      `internal: 127.0.0.1 port = ${port}`,
      'external: 127.0.0.1',
      'clientmethod: none',
      'socksmethod: none',
      'user.privileged: root',
      'user.unprivileged: nobody',
      'client pass {',
      '  from: 127.0.0.0/8 to: 0.0.0.0/0',
      '  log: error',
      '}',
      'socks pass {',
      '  from: 127.0.0.0/8 to: 0.0.0.0/0',
      '  command: connect',
      '  log: connect error',
      '}',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  let server: ServerProcess | undefined;
  const start = async (): Promise<void> => {
    // The namespace's /etc/hosts is ours; the rest of the machine never sees it. `exec` makes
    // danted the process started, and stopping kills its group: every connection drops at once.
    server = await startServerProcess({
      name: 'danted',
      command: 'unshare',
      args: ['--mount', 'sh', '-c', 'mount --bind "$0" /etc/hosts && exec danted -f "$1"', hosts, conf],
      ports: [port],
      logFile: join(dir, 'danted.log'),
    });
  };
  const stop = async (): Promise<void> => {
    await server?.stop();
  };
  await start();
  return {
    port,
    url: `socks5://127.0.0.1:${port}`,
    log: () => readFile(join(dir, 'danted.log'), 'utf8').catch(() => ''),
    stop,
    start,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
