import { useState } from 'react';
import { invoke } from '../ipc/bridge.ts';

/**
 * Wraps the sign-out actions: while an edit has a save that has not reached Box, the user is asked
 * first (`pending` > 0 shows UnsavedEditsDialog); otherwise they sign out at once.
 */
export function useSignOutGuard(signOut: () => void, signOutEverywhere: () => void) {
  const [question, setQuestion] = useState<{ pending: number; proceed: () => void } | null>(null);
  const guarded = (proceed: () => void) => () => {
    void invoke('editing:list').then(
      (edits) => {
        const pending = edits.filter((edit) => edit.pendingSave).length;
        if (pending === 0) proceed();
        else setQuestion({ pending, proceed });
      },
      // Main could not say: signing out keeps every edit on disk anyway.
      proceed,
    );
  };
  return {
    signOut: guarded(signOut),
    signOutEverywhere: guarded(signOutEverywhere),
    question,
    answer: (signOutAnyway: boolean) => {
      if (signOutAnyway) question?.proceed();
      setQuestion(null);
    },
  };
}
