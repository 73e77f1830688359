/**
 * `npm run backend`: reads the environment, refuses to start on a bad setting (naming
 * it), and prints the URL it listens on.
 */
import { ConfigError, loadConfig, type BackendConfig } from './config.ts';
import { createBackend } from './server.ts';

let config: BackendConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`box-sso backend: invalid configuration: ${error.message}`);
  process.exit(1);
}

const { app } = createBackend(config);
const url = await app.listen({ host: config.host, port: config.port });
console.log(`box-sso backend listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
