import type { NameClashAnswer, NameClashChoice, NameClashQuestion } from '../../../common/transfers.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';
import { QuestionBroker } from '../ipc/question-broker.ts';

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
  readonly #questions: QuestionBroker<Omit<NameClashQuestion, 'questionId'>, NameClashReply>;

  constructor(events: Pick<CoreEventBus, 'emit'>) {
    this.#questions = new QuestionBroker((question) => events.emit('transfer:nameClash', question));
  }

  readonly ask: AskNameClash = (question, signal) => this.#questions.ask(question, signal);

  answer(answer: NameClashAnswer): void {
    this.#questions.settle(answer.questionId, { choice: answer.choice, applyToAll: answer.applyToAll });
  }
}
