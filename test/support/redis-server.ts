/**
 * A throw-away redis-server (the Debian package) for replica tests: loopback only, no
 * persistence, on a free port that survives a stop, so a test can kill Redis and bring it
 * back where the backends expect it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { portRefuses } from './ports.ts';

export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: a crash, not a shutdown). */
  kill(): Promise<void>;
  /** Starts it again on the same port: empty, or with its append-only file's contents when persisted. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RedisServerOptions {
  /**
   * Keep an append-only file here, written on every command, as a production Redis holding
   * revocations must: then a killed server comes back with what it had. Without it, nothing
   * is persisted.
   */
  persistDir?: string;
}

async function launch(port: number, options: RedisServerOptions): Promise<ChildProcess> {
  const persistence =
    options.persistDir === undefined
      ? ['--appendonly', 'no']
      : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.persistDir];
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'yes', ...persistence],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!output.includes('Ready to accept connections')) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${output.slice(-500)}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not start: ${output.slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(port, options);
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
    while (!(await portRefuses(port))) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async restart() {
      await kill();
      child = await launch(port, options);
    },
    close: kill,
  };
}
