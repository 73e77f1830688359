import type { CoreEventBus } from '../ipc/event-bus.ts';
import type { HandlerTable } from '../ipc/handler-table.ts';
import type { SessionManager } from './session-manager.ts';

export type SessionChannel = Extract<keyof HandlerTable, `session:${string}`>;
export type SessionHandlers = Pick<HandlerTable, SessionChannel>;

/** The `session:*` part of the handler table: the renderer sees states, never a token. */
export function createSessionHandlers(session: SessionManager): SessionHandlers {
  return {
    'session:get': () => session.state,
    'session:signIn': () => session.signIn(),
    'session:cancelSignIn': () => session.cancelSignIn(),
    'session:getSignInLink': () => session.signInLink(),
    'session:signOut': (request) => session.signOut({ endSession: request.endSession ?? false }),
  };
}

/** Forwards every state change to the renderer as `session:changed`. */
export function forwardSessionChanges(session: SessionManager, events: CoreEventBus): () => void {
  return session.onChange((state) => events.emit('session:changed', state));
}
