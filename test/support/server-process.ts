/**
 * A server program the tests start (squid, Dante): spawned, waited for until it listens on
 * each of its loopback ports, and killed (with its whole process group, so every connection it
 * carries drops at once) and waited for when stopped.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { portRefuses } from './ports.ts';

export interface ServerProcess {
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  name: string;
  command: string;
  args: string[];
  ports: number[];
  /** Read into the error when the program does not come up. */
  logFile: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  // A process group of its own: a program's workers (Dante's) carry open connections too.
  const child = spawn(options.command, options.args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const refusing = async () => (await Promise.all(options.ports.map(portRefuses))).some(Boolean);
  while (await refusing()) {
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      const log = await readFile(options.logFile, 'utf8').catch(() => '');
      throw new Error(`${options.name} did not start: ${stderr}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      // Workers of its group may take a moment to let go of the ports.
      while (!(await Promise.all(options.ports.map(portRefuses))).every(Boolean)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
