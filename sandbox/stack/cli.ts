/**
 * `npm run sandbox`: starts only the local stack (identity provider, Box emulator with demo
 * content, provisioning backend), prints its URLs and a ready-to-use desktop configuration,
 * and stops everything on Ctrl+C.
 */
import { startSandboxStack } from './start-sandbox-stack.ts';

const stack = await startSandboxStack();
const users = stack.idp.users.map((user) => `${user.username} / ${user.password}`).join(', ');
console.log(`Sandbox identity provider: ${stack.idp.issuer}  (users: ${users})`);
console.log(`Box API emulator:          ${stack.emulator.origin}`);
console.log(`Provisioning backend:      ${stack.backend.url}`);
console.log(`Processes:                 sandbox ${process.pid}, backend ${stack.backend.pid}`);
console.log('Desktop configuration (save as settings.json, or pass as BOX_SSO_* variables in development):');
console.log(JSON.stringify(stack.desktopSettings, null, 2));
console.log('Sandbox ready. Press Ctrl+C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The sandbox did not stop cleanly:', error);
        process.exit(1);
      },
    );
  });
}
