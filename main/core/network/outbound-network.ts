import { Agent as HttpAgent, type AgentOptions, type ClientRequestArgs } from 'node:http';
import type { Socket } from 'node:net';
import { Agent as UndiciAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { BoxTransport, RawConnectionRequest } from '../box-client/box-transport.ts';
import type { TunnelConnector } from './tunnel-connector.ts';

/**
 * The one outbound transport: every connection the desktop makes (identity provider, backend,
 * Box's SDK calls, transfers, the download byte path, thumbnails) is opened by one
 * TunnelConnector, so proxy choice, proxy sign-in and trusted certificates apply to all of them.
 */
export class OutboundNetwork {
  readonly connector: TunnelConnector;
  /** undici's dispatcher for fetch (the IdP through openid-client, the backend, transfers). */
  readonly dispatcher: Dispatcher;
  /** For box-node-sdk's node-fetch: http: and https: alike (see SdkAgent). */
  readonly sdkAgent: HttpAgent;

  constructor(connector: TunnelConnector) {
    this.connector = connector;
    this.dispatcher = new UndiciAgent({
      connect: (options, callback) => {
        connector
          .open({
            protocol: options.protocol === 'http:' ? 'http:' : 'https:',
            host: options.hostname,
            port: Number(options.port) || (options.protocol === 'http:' ? 80 : 443),
          })
          .then(
            (socket) => callback(null, socket),
            (error: Error) => callback(error, null),
          );
      },
    });
    this.sdkAgent = new SdkAgent(connector, { keepAlive: true });
  }

  /** fetch through the dispatcher. undici's Request/Response are what the global fetch's are (Node bundles undici). */
  readonly fetch: typeof fetch = (input, init) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: this.dispatcher,
    }) as unknown as Promise<Response>;

  /** The Box transport over this network (box-client/box-transport.ts). */
  boxTransport(): BoxTransport {
    return {
      sdkAgent: this.sdkAgent,
      fetch: this.fetch,
      connect: (request: RawConnectionRequest) =>
        this.connector.open({
          protocol: request.url.protocol === 'http:' ? 'http:' : 'https:',
          host: request.url.hostname.replace(/^\[|\]$/g, ''),
          port: Number(request.url.port) || (request.url.protocol === 'https:' ? 443 : 80),
          onread: request.onread,
          signal: request.signal,
        }),
    };
  }

  async close(): Promise<void> {
    this.sdkAgent.destroy();
    await this.dispatcher.close();
    await this.connector.close();
  }
}

/**
 * An http.Agent whose sockets come from the connector, for https: and http: URLs alike: its
 * `protocol` is left empty, so Node checks each request against its own module's protocol,
 * and `createConnection` answers through the callback form Node's Agent supports.
 */
class SdkAgent extends HttpAgent {
  readonly #connector: TunnelConnector;

  constructor(connector: TunnelConnector, options: AgentOptions) {
    super(options);
    this.#connector = connector;
    (this as { protocol?: string }).protocol = undefined;
  }

  override getName(options?: ClientRequestArgs): string {
    return `${options?.protocol ?? ''}${super.getName(options)}`;
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (error: Error | null, socket: Socket) => void,
  ): undefined {
    const protocol = options.protocol === 'http:' ? 'http:' : 'https:';
    this.#connector
      .open({
        protocol,
        host: String(options.hostname ?? options.host),
        port: Number(options.port) || (protocol === 'https:' ? 443 : 80),
      })
      .then(
        (socket) => callback?.(null, socket),
        (error: Error) => callback?.(error, undefined as unknown as Socket),
      );
    return undefined;
  }
}
