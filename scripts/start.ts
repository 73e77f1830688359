/**
 * `npm start`: with no configuration, starts the local sandbox (identity provider, Box
 * emulator with demo content, provisioning backend) and opens the app against it, signed
 * out; everything stops when the app quits. With a policy file, user settings or BOX_SSO_*
 * variables, it opens the app against the configured identity provider and backend instead.
 * `npm start -- --no-build` skips the build.
 */
import { spawn } from 'node:child_process';
import { startSandboxStack, type SandboxStack } from '../sandbox/stack/start-sandbox-stack.ts';
import { configurationSource } from './configuration-present.ts';
import { electronBinary } from './electron-binary.ts';
import { buildApp } from './run-build.ts';
import { sandboxEnvironment } from './sandbox-environment.ts';

const electron = electronBinary();
if (!electron) {
  console.error(
    'Electron is not installed on this machine (its binary could not be downloaded).\n' +
      'Run `npm run start:browser` to use the same app in Chromium, or set ELECTRON_OVERRIDE_DIST_PATH to an Electron build.',
  );
  process.exit(1);
}

// `--no-build` reuses the current out/ (tests, or a developer who just built).
if (!process.argv.includes('--no-build')) buildApp();
const configured = configurationSource();
let stack: SandboxStack | null = null;
if (configured) {
  console.log(`Company mode: using the configuration from ${configured}.`);
} else {
  console.log(
    'No configuration found: starting the local sandbox (sign in as alice / alice-sandbox or bob / bob-sandbox).',
  );
  stack = await startSandboxStack();
}

const app = spawn(electron, ['.'], {
  stdio: 'inherit',
  env: { ...process.env, ...(stack ? sandboxEnvironment(stack) : {}) },
});
const stop = async (code: number) => {
  await stack?.close();
  process.exit(code);
};
app.once('exit', (code) => void stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.kill(signal));
