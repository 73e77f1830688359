import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portRefuses } from '../support/ports.ts';

/**
 * `npm start` with no configuration: it must start the sandbox, hand the app its settings, and
 * stop everything when the app quits. Electron cannot run here, so ELECTRON_OVERRIDE_DIST_PATH
 * points at a stand-in "electron" that records what it was given and checks the backend is up.
 */

it('starts the sandbox for the app, passes its settings, and stops it when the app quits', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'npm-start-'));
  const record = join(folder, 'record.txt');
  await writeFile(
    join(folder, 'electron'),
    `#!/bin/sh\nenv | grep '^BOX_SSO_' | sort > "${record}"\ncurl -sf "$BOX_SSO_BACKEND_URL/healthz" >> "${record}" && echo " healthz-ok" >> "${record}"\n`,
  );
  await chmod(join(folder, 'electron'), 0o755);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: folder,
    XDG_CONFIG_HOME: folder,
    ELECTRON_OVERRIDE_DIST_PATH: folder,
  };
  const child = spawn(process.execPath, ['scripts/start.ts', '--no-build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, output).toBe(0);
  expect(output).toContain('No configuration found: starting the local sandbox');

  const recorded = await readFile(record, 'utf8');
  expect(recorded).toMatch(/^BOX_SSO_ISSUER=http:\/\/127\.0\.0\.1:\d+$/m);
  expect(recorded).toMatch(/^BOX_SSO_CLIENT_ID=box-sso-desktop$/m);
  expect(recorded).toMatch(/^BOX_SSO_SANDBOX=1$/m);
  expect(recorded).toContain('healthz-ok');
  const ports = [...recorded.matchAll(/^BOX_SSO_(?:ISSUER|BACKEND_URL|BOX_API_URL)=http:\/\/127\.0\.0\.1:(\d+)/gm)].map(
    (m) => Number(m[1]),
  );
  expect(ports).toHaveLength(3);
  for (const port of ports) expect(await portRefuses(port), `port ${port} after the app quit`).toBe(true);
}, 120_000);
