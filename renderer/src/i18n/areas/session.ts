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
    /** Each problem main names (common/config-problems.ts); details are the system's own words. */
    problems: {
      absoluteUrl: 'The value must be an absolute URL, such as https://login.example.com.',
      urlCredentials: 'The URL must not contain a user name or password.',
      urlQuery: 'The URL must not have a query (?…) or fragment (#…).',
      loopbackHttpOnly: 'The URL may use http: only on this computer (127.0.0.1, ::1, localhost); use https:.',
      httpsOnly: 'The URL must start with https:.',
      scopeWord: 'Each scope must be one word without spaces or quotes.',
      proxyUrlShape: 'The value must be a proxy URL, such as http://proxy.example.com:8080.',
      proxyScheme: 'The proxy URL must start with http://, https:// or socks5://.',
      proxyCredentials: 'The proxy URL must not contain a user name or password: the app asks for them.',
      proxyHostPortOnly: 'The proxy URL must be a host and port only, without a path.',
      httpUrl: 'The value must be an http: or https: URL.',
      absolutePath: 'The path must be absolute, such as /etc/ssl/company-ca.pem or C:\\Certificates\\company-ca.pem.',
      pemCertificates: 'The value must hold certificates in PEM form (-----BEGIN CERTIFICATE-----).',
      notEmpty: 'The value must not be empty.',
      includesOpenid: 'The scopes must include “openid”.',
      noRepeats: 'The list must not name anything twice.',
      fileExtension: 'Each entry must be a file extension such as “.docx” (a dot, then lower-case letters or digits).',
      proxyUrlForFixed: 'The proxy URL must be set when proxyMode is “fixed”.',
      pacUrlForPac: 'The PAC file URL must be set when proxyMode is “pac”.',
      unreadable: 'The file cannot be read ({{detail}}).',
      notJson: 'The file is not valid JSON ({{detail}}).',
      notPropertyList: 'The file is not a valid property list ({{detail}}).',
      registryExportInvalid: 'The registry export is invalid ({{detail}}).',
      registryUnreadable: 'The registry cannot be read ({{detail}}).',
      unknownSetting: 'Box SSO Desktop has no setting of this name. Check its spelling.',
      unknownRegistryKey: 'Box SSO Desktop has no registry key of this name. Check its spelling.',
      notConfigured: 'The setting is required and is set nowhere. Set it in one of: {{where}}.',
      wrongType: 'The value has the wrong type: it must be a {{expected}}.',
      notOneOf: 'The value must be one of {{values}}.',
      tooShort_one: 'The value must be at least {{count}} character long.',
      tooShort_other: 'The value must be at least {{count}} characters long.',
      tooLong_one: 'The value must be at most {{count}} character long.',
      tooLong_other: 'The value must be at most {{count}} characters long.',
      tooFew_one: 'The list must have at least {{count}} entry.',
      tooFew_other: 'The list must have at least {{count}} entries.',
      tooMany_one: 'The list must have at most {{count}} entry.',
      tooMany_other: 'The list must have at most {{count}} entries.',
      tooSmall: 'The number must be at least {{count}}.',
      tooBig: 'The number must be at most {{count}}.',
      invalid: 'The value is not valid ({{detail}}).',
    },
  },
  {
    title: 'Konfigurationsfehler',
    lead: 'Box SSO Desktop kann nicht starten, weil seine Konfiguration einen Fehler hat. Senden Sie diese Meldung an Ihre IT-Abteilung; die App funktioniert wieder, sobald die Datei korrigiert und die App neu gestartet ist.',
    file: 'Datei',
    noFile: 'Keine Datei: Eine erforderliche Einstellung ist nirgends gesetzt',
    setting: 'Einstellung',
    problem: 'Problem',
    problems: {
      absoluteUrl: 'Der Wert muss eine absolute URL sein, etwa https://login.example.com.',
      urlCredentials: 'Die URL darf keinen Benutzernamen und kein Kennwort enthalten.',
      urlQuery: 'Die URL darf keine Abfrage (?…) und kein Fragment (#…) haben.',
      loopbackHttpOnly:
        'Die URL darf http: nur auf diesem Computer verwenden (127.0.0.1, ::1, localhost); verwenden Sie https:.',
      httpsOnly: 'Die URL muss mit https: beginnen.',
      scopeWord: 'Jeder Scope muss ein Wort ohne Leerzeichen und Anführungszeichen sein.',
      proxyUrlShape: 'Der Wert muss eine Proxy-URL sein, etwa http://proxy.example.com:8080.',
      proxyScheme: 'Die Proxy-URL muss mit http://, https:// oder socks5:// beginnen.',
      proxyCredentials: 'Die Proxy-URL darf keinen Benutzernamen und kein Kennwort enthalten: Die App fragt danach.',
      proxyHostPortOnly: 'Die Proxy-URL darf nur Host und Port enthalten, keinen Pfad.',
      httpUrl: 'Der Wert muss eine http:- oder https:-URL sein.',
      absolutePath: 'Der Pfad muss absolut sein, etwa /etc/ssl/company-ca.pem oder C:\\Certificates\\company-ca.pem.',
      pemCertificates: 'Der Wert muss Zertifikate im PEM-Format enthalten (-----BEGIN CERTIFICATE-----).',
      notEmpty: 'Der Wert darf nicht leer sein.',
      includesOpenid: 'Die Scopes müssen „openid“ enthalten.',
      noRepeats: 'Die Liste darf nichts doppelt nennen.',
      fileExtension:
        'Jeder Eintrag muss eine Dateiendung sein, etwa „.docx“ (ein Punkt, dann Kleinbuchstaben oder Ziffern).',
      proxyUrlForFixed: 'Die Proxy-URL muss gesetzt sein, wenn proxyMode „fixed“ ist.',
      pacUrlForPac: 'Die URL der PAC-Datei muss gesetzt sein, wenn proxyMode „pac“ ist.',
      unreadable: 'Die Datei kann nicht gelesen werden ({{detail}}).',
      notJson: 'Die Datei ist kein gültiges JSON ({{detail}}).',
      notPropertyList: 'Die Datei ist keine gültige Property List ({{detail}}).',
      registryExportInvalid: 'Der Registrierungsexport ist ungültig ({{detail}}).',
      registryUnreadable: 'Die Registrierung kann nicht gelesen werden ({{detail}}).',
      unknownSetting: 'Box SSO Desktop hat keine Einstellung dieses Namens. Prüfen Sie die Schreibweise.',
      unknownRegistryKey:
        'Box SSO Desktop hat keinen Registrierungsschlüssel dieses Namens. Prüfen Sie die Schreibweise.',
      notConfigured:
        'Die Einstellung ist erforderlich und nirgends gesetzt. Setzen Sie sie in einer dieser Quellen: {{where}}.',
      wrongType: 'Der Wert hat den falschen Typ: Er muss vom Typ {{expected}} sein.',
      notOneOf: 'Der Wert muss einer von {{values}} sein.',
      tooShort_one: 'Der Wert muss mindestens {{count}} Zeichen lang sein.',
      tooShort_other: 'Der Wert muss mindestens {{count}} Zeichen lang sein.',
      tooLong_one: 'Der Wert darf höchstens {{count}} Zeichen lang sein.',
      tooLong_other: 'Der Wert darf höchstens {{count}} Zeichen lang sein.',
      tooFew_one: 'Die Liste muss mindestens {{count}} Eintrag haben.',
      tooFew_other: 'Die Liste muss mindestens {{count}} Einträge haben.',
      tooMany_one: 'Die Liste darf höchstens {{count}} Eintrag haben.',
      tooMany_other: 'Die Liste darf höchstens {{count}} Einträge haben.',
      tooSmall: 'Die Zahl muss mindestens {{count}} sein.',
      tooBig: 'Die Zahl darf höchstens {{count}} sein.',
      invalid: 'Der Wert ist ungültig ({{detail}}).',
    },
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
