import { tracingChannel } from 'node:diagnostics_channel';

interface ListenMessage {
  server?: { address(): unknown };
  error?: { code?: string };
}

/**
 * Every listen this process attempts while the watch runs, seen through Node's own
 * `net.server.listen` tracing channel: the ports that came up and the errors (EADDRINUSE).
 * The sign-in peers started before the watch, so what it sees is the app's listeners.
 */
export function watchListens() {
  const ports: number[] = [];
  const errors: string[] = [];
  const channel = tracingChannel<unknown, ListenMessage>('net.server.listen');
  const ignore = (): void => undefined;
  const handlers = {
    start: ignore,
    end: ignore,
    asyncStart: ignore,
    asyncEnd(message: ListenMessage) {
      const address = message.server?.address();
      if (typeof address === 'object' && address !== null && 'port' in address) ports.push(Number(address.port));
    },
    error(message: ListenMessage) {
      errors.push(message.error?.code ?? 'unknown');
    },
  };
  channel.subscribe(handlers);
  return { ports, errors, stop: () => channel.unsubscribe(handlers) };
}
