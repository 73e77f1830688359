import type { Catalog } from './en.ts';

/** German. Typed against the English catalog: a missing key does not compile. */
export const de: Catalog = {
  app: {
    name: 'Box SSO Desktop',
    sandbox: 'Sandbox',
    sandboxHint: 'Lokale Stellvertreter für Ihren Identitätsanbieter und Box; nichts verlässt diesen Computer',
    loading: 'Wird geladen…',
    about: 'Über diese App',
    version: '{{name}} {{version}} · {{platform}}',
    language: 'Sprache',
    languageSystem: 'System ({{language}})',
  },
  languages: { en: 'English', de: 'Deutsch' },
  signedOut: {
    title: 'Ihre Box-Dateien, mit der Anmeldung Ihrer Firma',
    lead: 'Melden Sie sich mit Ihrem Arbeitskonto an. Zum Abschließen öffnet sich Ihr Browser.',
    signIn: 'Anmelden',
  },
  signingIn: {
    waiting: 'Warten auf die Anmeldung im Browser',
    title: 'Schließen Sie die Anmeldung im Browser ab',
    lead: 'Ein Browser-Tab mit der Anmeldeseite Ihrer Firma wurde geöffnet. Kommen Sie danach hierher zurück: Ihre Dateien öffnen sich von selbst.',
    copyLink: 'Anmeldelink kopieren',
    cancel: 'Abbrechen',
    copied: 'Link kopiert. Fügen Sie ihn in Ihren Browser ein, falls sich kein Tab geöffnet hat.',
    copyFailed: 'Der Link konnte nicht kopiert werden. Brechen Sie ab und melden Sie sich erneut an.',
  },
  sessionError: { title: 'Die Anmeldung hat nicht geklappt', retry: 'Erneut versuchen' },
  configError: {
    title: 'Konfigurationsfehler',
    lead: 'Box SSO Desktop kann nicht starten, weil seine Konfiguration einen Fehler hat. Senden Sie diese Meldung an Ihre IT-Abteilung; die App funktioniert wieder, sobald die Datei korrigiert und die App neu gestartet ist.',
    file: 'Datei',
    noFile: 'Keine Datei: Eine erforderliche Einstellung ist nirgends gesetzt',
    setting: 'Einstellung',
    problem: 'Problem',
  },
  header: {
    account: 'Angemeldetes Konto',
    signOut: 'Abmelden',
    signOutOptions: 'Abmeldeoptionen',
    signOutEverywhere: 'Auch vom Firmenkonto abmelden',
  },
  keychain: {
    notice: 'Sie müssen sich beim nächsten Mal erneut anmelden: Der Schlüsselbund des Systems ist nicht verfügbar.',
    learnMore: 'Mehr erfahren',
    details:
      'Box SSO Desktop bewahrt Ihre Anmeldung im Schlüsselbund des Systems auf (Schlüsselbund unter macOS, Anmeldeinformationsverwaltung unter Windows, ein Secret Service wie GNOME Keyring oder KWallet unter Linux). Keiner läuft oder er ist gesperrt, daher wird Ihre Anmeldung nur im Arbeitsspeicher gehalten und nie auf die Festplatte geschrieben. Sobald der Schlüsselbund entsperrt ist, verwendet die App ihn. Für die IT: siehe „The system keychain is not available“ im IT-Administratorhandbuch.',
  },
  format: {
    none: '—',
    today: 'Heute, {{time}}',
  },
  status: {
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
  placeholder: {
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
  list: { name: 'Name', modified: 'Geändert', size: 'Größe' },
};
