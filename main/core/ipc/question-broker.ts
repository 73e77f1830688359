import { randomUUID } from 'node:crypto';
import { appError } from '../errors/error-catalog.ts';

/**
 * Questions main asks the user and waits for: each is published with a fresh `questionId`
 * (as an event the renderer shows), and settled when the renderer answers with that id. A
 * question whose work is cancelled (its signal aborts) is withdrawn.
 */
export class QuestionBroker<Question extends object, Reply> {
  readonly #publish: (question: Question & { questionId: string }) => void;
  readonly #pending = new Map<string, (reply: Reply) => void>();

  constructor(publish: (question: Question & { questionId: string }) => void) {
    this.#publish = publish;
  }

  readonly ask = (question: Question, signal: AbortSignal): Promise<Reply> =>
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
      this.#publish({ ...question, questionId });
    });

  settle(questionId: string, reply: Reply): void {
    const settle = this.#pending.get(questionId);
    if (!settle) throw appError('invalid_request', 'question_gone');
    this.#pending.delete(questionId);
    settle(reply);
  }
}
