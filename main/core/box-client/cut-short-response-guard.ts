import type { ClientRequest, IncomingMessage } from 'node:http';

/** `addRequest` is how every http(s) Agent receives a request; @types/node leaves it out. */
interface AgentWithAddRequest {
  addRequest(request: ClientRequest, options: unknown): void;
}

function isAgentWithAddRequest(agent: unknown): agent is AgentWithAddRequest {
  return (
    typeof agent === 'object' &&
    agent !== null &&
    typeof (agent as Partial<AgentWithAddRequest>).addRequest === 'function'
  );
}

/**
 * Makes a response whose connection closes before its last byte fail instead of hang.
 *
 * box-node-sdk fetches with node-fetch 2, which notices a cut-short body only for chunked
 * responses; with a `content-length` body, a dropped connection leaves the read waiting until
 * the request timeout (30 s), and the user stares at a spinner. Node itself knows
 * (`response.complete` is false at `close`), so the agent that carries every SDK request
 * re-raises it as a request error, which node-fetch turns into a failed body read and our
 * retry strategy into a retry. The SDK's own agent (proxy-aware) is kept; only this method is
 * wrapped.
 */
export function guardCutShortResponses<A>(agent: A): A {
  if (!isAgentWithAddRequest(agent)) return agent;
  const addRequest = agent.addRequest.bind(agent);
  agent.addRequest = (request, options) => {
    request.once('response', (response: IncomingMessage) => {
      response.once('close', () => {
        // The socket's end also destroys the request; node-fetch still listens for its errors.
        if (!response.complete && request.listenerCount('error') > 0) {
          request.emit('error', new Error('The connection to Box closed before the whole response arrived.'));
        }
      });
    });
    addRequest(request, options);
  };
  return agent;
}
