import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the provisioning backend as its own process, configured only through environment
 * variables, exactly as it is deployed: the sandbox does not import the backend's code.
 */
export interface BackendProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const backendEntry = fileURLToPath(new URL('../../backend/main.ts', import.meta.url));
const readyLine = /backend listening on (http:\/\/\S+)/;

export async function startBackendProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<BackendProcess> {
  const child = spawn(process.execPath, [backendEntry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForReadyLine(child, timeoutMs);
  return {
    url,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

function waitForReadyLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the backend did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-2000)}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = readyLine.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => fail(new Error(`the backend exited with code ${code}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
