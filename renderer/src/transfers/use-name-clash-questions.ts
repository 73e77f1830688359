import { useCallback, useEffect, useState } from 'react';
import type { NameClashChoice, NameClashQuestion } from '../../../common/transfers.ts';
import { invoke, subscribe } from '../ipc/bridge.ts';

export interface NameClashQuestions {
  /** The oldest open question, or null. */
  current: NameClashQuestion | null;
  answer(choice: NameClashChoice, applyToAll: boolean): Promise<void>;
}

/**
 * Name-clash questions from main, one at a time. A question is dropped when it is answered or
 * when its transfer stops waiting (cancelled, or answered by "apply to all" elsewhere).
 */
export function useNameClashQuestions(): NameClashQuestions {
  const [questions, setQuestions] = useState<NameClashQuestion[]>([]);

  useEffect(() => {
    const stopAsked = subscribe('transfer:nameClash', (question) => setQuestions((open) => [...open, question]));
    const stopChanged = subscribe('transfer:changed', (snapshot) => {
      if (snapshot.state !== 'waiting') setQuestions((open) => open.filter((q) => q.transferId !== snapshot.id));
    });
    return () => {
      stopAsked();
      stopChanged();
    };
  }, []);

  const current = questions[0] ?? null;
  const answer = useCallback(
    async (choice: NameClashChoice, applyToAll: boolean) => {
      if (!current) return;
      setQuestions((open) => open.filter((q) => q.questionId !== current.questionId));
      await invoke('transfer:answerNameClash', { questionId: current.questionId, choice, applyToAll });
    },
    [current],
  );
  return { current, answer };
}
