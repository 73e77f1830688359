import { defineArea } from '../define-area.ts';

export const status = defineArea(
  {
    notLoaded: 'Not loaded',
    searching: 'Searching…',
    loading: 'Loading…',
    items_one: '{{formatted}} item',
    items_other: '{{formatted}} items',
    results_one: '{{formatted}} result',
    results_other: '{{formatted}} results',
    loadingMore: '{{items}} · loading more…',
    firstResults: 'Showing the first {{shown}} of {{results}} · add words to narrow the search',
  },
  {
    notLoaded: 'Nicht geladen',
    searching: 'Suche läuft…',
    loading: 'Wird geladen…',
    items_one: '{{formatted}} Element',
    items_other: '{{formatted}} Elemente',
    results_one: '{{formatted}} Ergebnis',
    results_other: '{{formatted}} Ergebnisse',
    loadingMore: '{{items}} · weitere werden geladen…',
    firstResults: 'Die ersten {{shown}} von {{results}} · weitere Wörter grenzen die Suche ein',
  },
);

export const placeholder = defineArea(
  {
    loading: 'Loading',
    searchFailed: 'Search did not work',
    folderFailed: 'This folder could not be opened',
    retry: 'Try again',
    noResults: 'No results for “{{query}}”',
    noResultsInFolder: 'Check the spelling, or search all files instead of this folder.',
    noResultsHint: 'Check the spelling, or try another word.',
    empty: 'This folder is empty',
    emptyHint: 'Create a folder or upload files to get started.',
    newFolder: 'New folder',
  },
  {
    loading: 'Wird geladen',
    searchFailed: 'Die Suche hat nicht geklappt',
    folderFailed: 'Dieser Ordner konnte nicht geöffnet werden',
    retry: 'Erneut versuchen',
    noResults: 'Keine Ergebnisse für „{{query}}“',
    noResultsInFolder: 'Prüfen Sie die Schreibweise, oder durchsuchen Sie alle Dateien statt nur diesen Ordner.',
    noResultsHint: 'Prüfen Sie die Schreibweise, oder versuchen Sie ein anderes Wort.',
    empty: 'Dieser Ordner ist leer',
    emptyHint: 'Erstellen Sie einen Ordner oder laden Sie Dateien hoch.',
    newFolder: 'Neuer Ordner',
  },
);

export const list = defineArea(
  {
    name: 'Name',
    modified: 'Modified',
    size: 'Size',
  },
  {
    name: 'Name',
    modified: 'Geändert',
    size: 'Größe',
  },
);
