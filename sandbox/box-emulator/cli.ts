import { parseArgs } from 'node:util';
import { startBoxEmulator } from './index.ts';

/**
 * `npm run box-emulator -- --port <n> --app-config <file> [--token-ttl <s>] [--demo-content]`:
 * the emulator for sandbox mode.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'app-config': { type: 'string' },
    'token-ttl': { type: 'string' },
    'demo-content': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const emulator = await startBoxEmulator({
  port,
  host: values.host,
  demoContent: values['demo-content'],
  ...(values['app-config'] === undefined ? {} : { appConfigPath: values['app-config'] }),
  ...(values['token-ttl'] === undefined ? {} : { tokenTtlSeconds: Number(values['token-ttl']) }),
});
console.log(`Box API emulator listening on ${emulator.origin}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void emulator.close().then(() => process.exit(0)));
}
