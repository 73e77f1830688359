import type { BulkClashChoice, BulkNameClashQuestion } from '../../../common/bulk.ts';

export type BulkClashReply = { choice: BulkClashChoice; applyToAll: boolean };

export type AskBulkClash = (
  question: Omit<BulkNameClashQuestion, 'questionId'>,
  signal: AbortSignal,
) => Promise<BulkClashReply>;

/**
 * One run's answer to name clashes: the first clash asks; "apply to all" answers the rest. Clashes
 * found while a question is open wait for it rather than asking again, so the user sees one
 * question at a time however many items run in parallel.
 */
export class BatchClashChoice {
  readonly #ask: AskBulkClash;
  readonly #question: (name: string) => Omit<BulkNameClashQuestion, 'questionId'>;
  #choice: BulkClashChoice | undefined;
  #asking: Promise<unknown> = Promise.resolve();

  constructor(ask: AskBulkClash, question: (name: string) => Omit<BulkNameClashQuestion, 'questionId'>) {
    this.#ask = ask;
    this.#question = question;
  }

  async choose(name: string, signal: AbortSignal): Promise<BulkClashChoice> {
    if (this.#choice !== undefined) return this.#choice;
    const turn = this.#asking.then(async () => {
      if (this.#choice !== undefined) return this.#choice;
      const reply = await this.#ask(this.#question(name), signal);
      if (reply.applyToAll) this.#choice = reply.choice;
      return reply.choice;
    });
    this.#asking = turn.catch(() => undefined);
    return turn;
  }
}
