import { randomUUID } from 'node:crypto';
import type { NameClashAnswer, NameClashChoice, NameClashQuestion } from '../../../common/transfers.ts';
import { appError } from '../errors/error-catalog.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';

export type NameClashReply = { choice: NameClashChoice; applyToAll: boolean };

/** How the manager asks the user about a name clash; the UI, a test or a policy answers. */
export type AskNameClash = (
  question: Omit<NameClashQuestion, 'questionId'>,
  signal: AbortSignal,
) => Promise<NameClashReply>;

/**
 * Asks name-clash questions through the UI: each becomes a `transfer:nameClash` event, and the
 * renderer's `transfer:answerNameClash` request settles it. A question whose transfer is
 * cancelled is withdrawn.
 */
export class NameClashBroker {
  readonly #events: Pick<CoreEventBus, 'emit'>;
  readonly #pending = new Map<string, (reply: NameClashReply) => void>();

  constructor(events: Pick<CoreEventBus, 'emit'>) {
    this.#events = events;
  }

  readonly ask: AskNameClash = (question, signal) =>
    new Promise((resolve, reject) => {
      const questionId = randomUUID();
      const onAbort = (): void => {
        this.#pending.delete(questionId);
        reject(signal.reason as Error);
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(questionId, (reply) => {
        signal.removeEventListener('abort', onAbort);
        resolve(reply);
      });
      this.#events.emit('transfer:nameClash', { ...question, questionId });
    });

  answer(answer: NameClashAnswer): void {
    const settle = this.#pending.get(answer.questionId);
    if (!settle) throw appError('invalid_request', 'question_gone');
    this.#pending.delete(answer.questionId);
    settle({ choice: answer.choice, applyToAll: answer.applyToAll });
  }
}
