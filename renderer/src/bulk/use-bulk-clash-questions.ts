import { useCallback, useEffect, useState } from 'react';
import type { BulkClashChoice, BulkNameClashQuestion } from '../../../common/bulk.ts';
import { invoke, subscribe } from '../ipc/bridge.ts';

/** A bulk run's name-clash questions, one at a time; a run's questions go when the run ends. */
export function useBulkClashQuestions() {
  const [questions, setQuestions] = useState<BulkNameClashQuestion[]>([]);
  useEffect(() => {
    const stopAsked = subscribe('bulk:nameClash', (question) => setQuestions((open) => [...open, question]));
    const stopChanged = subscribe('bulk:changed', (run) => {
      if (run.state === 'finished') setQuestions((open) => open.filter((question) => question.jobId !== run.id));
    });
    return () => {
      stopAsked();
      stopChanged();
    };
  }, []);
  const current = questions[0] ?? null;
  const answer = useCallback(
    async (choice: BulkClashChoice, applyToAll: boolean) => {
      if (!current) return;
      setQuestions((open) => open.filter((question) => question.questionId !== current.questionId));
      await invoke('bulk:answerNameClash', { questionId: current.questionId, choice, applyToAll });
    },
    [current],
  );
  return { current, answer };
}
