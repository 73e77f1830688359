import { defineArea } from '../define-area.ts';

/** "Open for editing", the Editing list, a file's save status, and the sign-out question while saves wait. */
export const editing = defineArea(
  {
    openForEditing: 'Open for editing',
    openForEditingHint: 'Edit in its desktop app; every save goes back to Box as a new version',
    listTitle: 'Editing',
    close: 'Close',
    closeLabel: 'Close “{{name}}” and unlock it on Box',
    stateEditing: 'Open for editing',
    stateSaving: 'Saving…',
    stateSaved: 'Saved to Box {{time}}',
    stateWaiting: 'Waiting to save',
    stateReadOnly: 'Read-only: locked by {{person}}',
    stateConflict: 'Saved as a conflict copy',
    openedReadOnly:
      '“{{name}}” is locked by {{person}}, so it opened read-only. Changes you make cannot be saved to Box.',
    conflict:
      '“{{original}}” changed on Box while you edited it. Your edit is saved beside it as “{{copy}}”: open both to compare.',
    signOutTitle: 'Changes not saved to Box yet',
    signOutBody_one:
      '{{count}} file has changes that are not on Box yet. They stay on this computer and are saved when you sign in again.',
    signOutBody_other:
      '{{count}} files have changes that are not on Box yet. They stay on this computer and are saved when you sign in again.',
    signOutAnyway: 'Sign out anyway',
    staySignedIn: 'Stay signed in',
  },
  {
    openForEditing: 'Zum Bearbeiten öffnen',
    openForEditingHint: 'In der Desktop-App bearbeiten; jedes Speichern landet als neue Version in Box',
    listTitle: 'In Bearbeitung',
    close: 'Schließen',
    closeLabel: '„{{name}}“ schließen und in Box entsperren',
    stateEditing: 'Zum Bearbeiten geöffnet',
    stateSaving: 'Wird gespeichert…',
    stateSaved: 'In Box gespeichert {{time}}',
    stateWaiting: 'Wartet auf Speichern',
    stateReadOnly: 'Schreibgeschützt: gesperrt von {{person}}',
    stateConflict: 'Als Konfliktkopie gespeichert',
    openedReadOnly:
      '„{{name}}“ ist von {{person}} gesperrt und wurde schreibgeschützt geöffnet. Änderungen können nicht in Box gespeichert werden.',
    conflict:
      '„{{original}}“ wurde in Box geändert, während Sie es bearbeitet haben. Ihre Fassung liegt daneben als „{{copy}}“: öffnen Sie beide zum Vergleichen.',
    signOutTitle: 'Änderungen noch nicht in Box gespeichert',
    signOutBody_one:
      '{{count}} Datei hat Änderungen, die noch nicht in Box sind. Sie bleiben auf diesem Computer und werden bei der nächsten Anmeldung gespeichert.',
    signOutBody_other:
      '{{count}} Dateien haben Änderungen, die noch nicht in Box sind. Sie bleiben auf diesem Computer und werden bei der nächsten Anmeldung gespeichert.',
    signOutAnyway: 'Trotzdem abmelden',
    staySignedIn: 'Angemeldet bleiben',
  },
);
