/**
 * A real forward proxy for tests: Debian's squid in the foreground, requiring Basic
 * authentication (basic_ncsa_auth with an htpasswd file made by `openssl passwd -apr1`), no cache,
 * and a hosts file of its own, so names such as box.corp.test resolve only through it. Given a
 * certificate it also listens with TLS (`https_port`, Debian's squid speaks it through GnuTLS):
 * the `HTTPS host:port` proxy of a PAC answer, where the client talks TLS to the proxy itself.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

export interface SquidProxy {
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The TLS port, when started with a certificate. */
  httpsPort: number | undefined;
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
  /** The proxy's own certificate (for 127.0.0.1): squid then listens with TLS too. */
  tls?: { key: string; cert: string };
}): Promise<SquidProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'squid-'));
  // squid drops to the `proxy` user: its files must be reachable by it.
  await chmod(dir, 0o777);
  const port = await freePort();
  const httpsPort = options.tls ? await freePort() : undefined;
  if (options.tls) {
    await writeFile(join(dir, 'proxy.pem'), options.tls.cert, { mode: 0o644 });
    await writeFile(join(dir, 'proxy.key'), options.tls.key, { mode: 0o644 });
  }
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
      ...(httpsPort ? [`https_port 127.0.0.1:${httpsPort} tls-cert=${dir}/proxy.pem tls-key=${dir}/proxy.key`] : []),
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
  let server: ServerProcess | undefined;
  const launch = async (): Promise<void> => {
    server = await startServerProcess({
      name: 'squid',
      command: 'squid',
      args: ['-N', '-f', conf],
      ports: httpsPort === undefined ? [port] : [port, httpsPort],
      logFile: join(dir, 'cache.log'),
    });
  };
  const stop = async (): Promise<void> => {
    await server?.stop();
  };
  await launch();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    httpsPort,
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
