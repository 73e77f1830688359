import { EventEmitter } from 'node:events';
import type { EventChannel, EventChannels } from '../../../common/ipc-contract.ts';

/** Typed main→renderer events. The Electron shell and the browser shell each forward them to their window. */
export class CoreEventBus {
  readonly #emitter = new EventEmitter();

  emit<E extends EventChannel>(event: E, payload: EventChannels[E]): void {
    this.#emitter.emit(event, payload);
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  /** Forwards every contract event to one sink (a window or a browser shell socket). */
  forwardAll(
    sink: <E extends EventChannel>(event: E, payload: EventChannels[E]) => void,
    events: readonly EventChannel[],
  ): () => void {
    const unsubscribers = events.map((event) => this.on(event, (payload) => sink(event, payload)));
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }
}
