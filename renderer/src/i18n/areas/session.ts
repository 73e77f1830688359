import { defineArea } from '../define-area.ts';

export const signedOut = defineArea(
  {
    title: 'Your Box files, with your company sign-in',
    lead: 'Sign in with your work account. Your browser opens to finish signing in.',
    signIn: 'Sign in',
  },
  {
    title: 'Ihre Box-Dateien, mit der Anmeldung Ihrer Firma',
    lead: 'Melden Sie sich mit Ihrem Arbeitskonto an. Zum Abschließen öffnet sich Ihr Browser.',
    signIn: 'Anmelden',
  },
);

export const signingIn = defineArea(
  {
    waiting: 'Waiting for the browser sign-in',
    title: 'Finish signing in in your browser',
    lead: "A browser tab opened at your company's sign-in page. When you are done there, come back here: your files open automatically.",
    copyLink: 'Copy sign-in link',
    cancel: 'Cancel',
    copied: 'Link copied. Paste it into your browser if no tab opened.',
    copyFailed: 'The link could not be copied. Cancel and try signing in again.',
  },
  {
    waiting: 'Warten auf die Anmeldung im Browser',
    title: 'Schließen Sie die Anmeldung im Browser ab',
    lead: 'Ein Browser-Tab mit der Anmeldeseite Ihrer Firma wurde geöffnet. Kommen Sie danach hierher zurück: Ihre Dateien öffnen sich von selbst.',
    copyLink: 'Anmeldelink kopieren',
    cancel: 'Abbrechen',
    copied: 'Link kopiert. Fügen Sie ihn in Ihren Browser ein, falls sich kein Tab geöffnet hat.',
    copyFailed: 'Der Link konnte nicht kopiert werden. Brechen Sie ab und melden Sie sich erneut an.',
  },
);

export const sessionError = defineArea(
  {
    title: 'Signing in did not work',
    retry: 'Try again',
  },
  {
    title: 'Die Anmeldung hat nicht geklappt',
    retry: 'Erneut versuchen',
  },
);

export const configError = defineArea(
  {
    title: 'Configuration error',
    lead: 'Box SSO Desktop cannot start because its configuration has a problem. Send this message to your IT department; the app will work again once the file is fixed and the app restarted.',
    file: 'File',
    noFile: 'No file: a required setting is not set anywhere',
    setting: 'Setting',
    problem: 'Problem',
  },
  {
    title: 'Konfigurationsfehler',
    lead: 'Box SSO Desktop kann nicht starten, weil seine Konfiguration einen Fehler hat. Senden Sie diese Meldung an Ihre IT-Abteilung; die App funktioniert wieder, sobald die Datei korrigiert und die App neu gestartet ist.',
    file: 'Datei',
    noFile: 'Keine Datei: Eine erforderliche Einstellung ist nirgends gesetzt',
    setting: 'Einstellung',
    problem: 'Problem',
  },
);

export const keychain = defineArea(
  {
    notice: "You'll need to sign in again next time: the system keychain is not available.",
    learnMore: 'Learn more',
    details:
      'Box SSO Desktop keeps your sign-in in the system keychain (Keychain on macOS, Credential Manager on Windows, a Secret Service such as GNOME Keyring or KWallet on Linux). None is running or it is locked, so your sign-in is kept in memory only, never written to disk. Once the keychain is unlocked, the app uses it. For IT: see "The system keychain is not available" in the IT administrator guide.',
  },
  {
    notice: 'Sie müssen sich beim nächsten Mal erneut anmelden: Der Schlüsselbund des Systems ist nicht verfügbar.',
    learnMore: 'Mehr erfahren',
    details:
      'Box SSO Desktop bewahrt Ihre Anmeldung im Schlüsselbund des Systems auf (Schlüsselbund unter macOS, Anmeldeinformationsverwaltung unter Windows, ein Secret Service wie GNOME Keyring oder KWallet unter Linux). Keiner läuft oder er ist gesperrt, daher wird Ihre Anmeldung nur im Arbeitsspeicher gehalten und nie auf die Festplatte geschrieben. Sobald der Schlüsselbund entsperrt ist, verwendet die App ihn. Für die IT: siehe „The system keychain is not available“ im IT-Administratorhandbuch.',
  },
);
