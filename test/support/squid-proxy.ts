/**
 * A real forward proxy for tests: Debian's squid in the foreground, requiring Basic
 * authentication (basic_ncsa_auth with an htpasswd file made by `openssl passwd -apr1`), no cache,
 * and a hosts file of its own, so names such as box.corp.test resolve only through it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

export interface SquidProxy {
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** What squid wrote to its access log so far. */
  accessLog(): Promise<string>;
  /** Kills squid (every connection through it drops) and starts it again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startSquid(options: {
  user: string;
  password: string;
  /** name → address, the only place these names resolve. */
  hosts: Record<string, string>;
}): Promise<SquidProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'squid-'));
  // squid drops to the `proxy` user: its files must be reachable by it.
  await chmod(dir, 0o777);
  const port = await freePort();
  const hash = execFileSync('openssl', ['passwd', '-apr1', options.password], { encoding: 'utf8' }).trim();
  await writeFile(join(dir, 'htpasswd'), `${options.user}:${hash}\n`, { mode: 0o644 });
  await writeFile(
    join(dir, 'hosts'),
    Object.entries(options.hosts)
      .map(([name, address]) => `${address} ${name}\n`)
      .join(''),
    { mode: 0o644 },
  );
  const conf = join(dir, 'squid.conf');
  await writeFile(
    conf,
    [
      `http_port 127.0.0.1:${port}`,
      `pid_filename ${dir}/squid.pid`,
      `cache_log ${dir}/cache.log`,
      `access_log ${dir}/access.log`,
      'cache deny all',
      'netdb_filename none',
      `coredump_dir ${dir}`,
      `hosts_file ${dir}/hosts`,
      'dns_nameservers 127.0.0.1',
      'shutdown_lifetime 0 seconds',
      `auth_param basic program /usr/lib/squid/basic_ncsa_auth ${dir}/htpasswd`,
      'auth_param basic realm corp-proxy',
      'acl authed proxy_auth REQUIRED',
      'http_access deny !authed',
      'http_access allow authed',
      'http_access deny all',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  let child: ChildProcess | undefined;
  const launch = async (): Promise<void> => {
    const started = spawn('squid', ['-N', '-f', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!(await accepts(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        const log = await readFile(join(dir, 'cache.log'), 'utf8').catch(() => '');
        throw new Error(`squid did not start: ${stderr}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await launch();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    accessLog: () => readFile(join(dir, 'access.log'), 'utf8').catch(() => ''),
    restart: async () => {
      await stop();
      await launch();
    },
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
