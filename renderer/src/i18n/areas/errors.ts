import { defineArea } from '../define-area.ts';

/**
 * The main process's error messages in the user's language, by code and wording: the same
 * entries as main/core/errors/error-catalog.ts, whose English stays the fallback for a code or
 * wording missing here (test/renderer/i18n/error-text.test.tsx keeps the two in step). Names are
 * filled in from the error's params; a wording whose name is unknown uses main's English.
 */
export const errors = defineArea(
  {
    invalid_request: {
      malformed: 'The request to {{channel}} was malformed.',
      transfer_gone: 'That transfer is no longer in the list.',
      question_gone: 'That question was already answered or withdrawn.',
      bulk_gone: 'That action is no longer in the list: select the items again.',
      setting_locked: 'This setting is set by your organization and cannot be changed here.',
      setting_value: 'That value cannot be used: {{text}}.',
      settings_file: 'Your settings file {{file}} cannot be updated: {{text}}. Fix or delete it.',
    },
    unknown_channel: { default: 'The app asked for an action it does not know.' },
    forbidden_sender: { default: 'This page is not allowed to use the app.' },
    not_signed_in: {
      default: 'Sign in to continue.',
      browse: 'You are signed out. Sign in to see your files.',
    },
    sign_in_cancelled: { default: 'Sign-in was cancelled.' },
    sign_in_denied: {
      default:
        'The sign-in was cancelled or refused at your company sign-in page. Try again, or ask IT whether you have access.',
    },
    sign_in_timeout: {
      default: 'Sign-in took too long. Try again, and finish signing in in your browser within 5 minutes.',
    },
    sign_in_port_in_use: {
      default_one:
        'The sign-in port configured by IT (port {{ports}}) is used by another program. Close that program and try again, or ask IT.',
      default_other:
        'The sign-in ports configured by IT (ports {{ports}}) are used by other programs. Close those programs and try again, or ask IT.',
    },
    sign_in_malformed_answer: {
      default:
        'Your company sign-in page sent the browser back without a sign-in code, so the sign-in could not finish. Try again; if it keeps happening, tell IT.',
    },
    state_mismatch: {
      default:
        'The browser came back with an answer that belongs to another sign-in. Close old sign-in tabs and try again.',
    },
    issuer_mismatch: {
      default:
        'The sign-in answer came from a different identity provider than the one configured. Try again; if it keeps happening, tell IT.',
    },
    idp_unreachable: {
      default: 'Your company sign-in service cannot be reached. Check your network connection and try again.',
    },
    token_endpoint_error: {
      default: 'Your company sign-in service refused to finish the sign-in. Try again; if it keeps happening, tell IT.',
    },
    clock_skew: {
      default:
        "Your computer's clock is wrong, so the sign-in could not be checked. Set the date and time automatically and try again.",
    },
    session_expired: {
      default: 'Your session has ended. Sign in again.',
      box: 'Your session has ended. Sign in again to continue.',
    },
    backend_unreachable: {
      default: 'The Box SSO service cannot be reached. Check your network connection and try again.',
    },
    backend_busy: { default: 'The Box SSO service is busy. Try again in a minute.' },
    backend_denied: { default: 'Your account is not allowed to use Box through this app. Ask IT for access.' },
    backend_rejected_sign_in: {
      default: 'The Box SSO service did not accept your sign-in. Sign in again; if it keeps happening, tell IT.',
    },
    account_disabled: {
      default: 'Your company account is disabled or was signed out. Contact IT if this is unexpected.',
    },
    box_insufficient_scope: {
      scope: 'Your company has not allowed this app to do that. Ask your IT team if you need this permission.',
      browse: 'You do not have permission to do that here. Ask the folder’s owner for access.',
      transfer: 'You may not transfer “{{name}}” here. Ask your IT team or the folder’s owner for access.',
    },
    box_item_name_in_use: {
      browse: 'An item named “{{name}}” already exists here. Choose another name.',
      transfer: 'An item named “{{name}}” already exists here.',
    },
    box_item_name_invalid: {
      browse:
        'Box does not accept “{{name}}” as a name. Use at most 255 characters, no / or \\, and no spaces at the start or end.',
      transfer: 'Box does not accept “{{name}}” as a name. Rename the file, then try again.',
    },
    box_storage_limit: {
      browse: 'Your Box storage is full. Delete files you no longer need, or ask your IT team for more space.',
      transfer: '“{{name}}” does not fit in your Box storage. Free some space, or ask your IT team for more.',
    },
    box_rate_limited: {
      browse_one: 'Box is receiving too many requests. Try again in {{count}} second.',
      browse_other: 'Box is receiving too many requests. Try again in {{count}} seconds.',
      transfer: 'Box is receiving too many requests. Retry in a minute.',
    },
    box_not_found: {
      browse: 'This item no longer exists: it may have been moved or deleted. Refresh the folder.',
      transfer: '“{{name}}” or its folder no longer exists in Box. Refresh the folder.',
    },
    box_error: {
      trouble: 'Box is having trouble right now. Try again in a few minutes.',
      transfer_trouble: 'Box is having trouble right now. Retry in a few minutes.',
      refused: 'Box refused the request ({{boxAnswer}}). Try again; if it keeps happening, contact your IT team.',
      unexpected: 'Something went wrong while talking to Box. Try again.',
    },
    offline: {
      browse: 'Box cannot be reached. Check your internet connection, then try again.',
      transfer: 'The connection to Box was lost while transferring “{{name}}”. Check your connection, then retry.',
    },
    certificate_untrusted: {
      default:
        'The connection to {{host}} is not trusted: {{problem}}. Nothing was sent or saved. Contact your IT department (they may need to install the company’s root certificate).',
    },
    proxy_unreachable: {
      default:
        'The network proxy {{proxy}} cannot be reached, so {{host}} cannot be either. Check your network connection; if it keeps happening, contact your IT department.',
    },
    proxy_auth_failed: {
      rejected:
        'The proxy {{proxy}} refused your user name and password three times. Check them and try again, or contact your IT department.',
      cancelled: 'Signing in to the proxy {{proxy}} was cancelled, so the connection was not made.',
      unsupported:
        'The proxy {{proxy}} asks for {{problem}} the app cannot answer. Contact your IT department (docs: “Corporate networks”).',
    },
    config_invalid: {
      idp_url: 'The sign-in address from the identity provider is not safe to open. Tell IT.',
      sign_in_ports:
        'The sign-in ports configured by IT cannot be opened on this computer. Ask IT to check the setting.',
    },
    transfer_failed: {
      download_damaged: '“{{name}}” arrived damaged (its checksum does not match Box’s). Retry the download.',
      download_wrong_size: '“{{name}}” arrived with the wrong size. Retry the download.',
      download_not_offered: 'Box did not offer “{{name}}” for download. Retry.',
      upload_not_confirmed: 'Box did not confirm “{{name}}”. Retry.',
      upload_stored_differently: 'Box stored “{{name}}” with a different checksum. Retry the upload.',
      upload_assembly_too_long: 'Box took too long to assemble “{{name}}”. Retry the upload.',
      box_refused:
        'Box refused the transfer of “{{name}}” ({{boxAnswer}}). Retry; if it keeps happening, contact your IT team.',
      local_disk_full: 'There is not enough free space for “{{name}}” in {{folder}}. Free some space, then retry.',
      local_folder_not_writable: 'You cannot save files in {{folder}}. Choose another folder.',
      local_folder_missing: 'The folder {{folder}} no longer exists. Choose another folder.',
      local_name_appeared:
        'A file named “{{name}}” appeared in the folder during the download. Retry to choose what to do.',
    },
    transfer_cancelled: { default: 'The transfer of “{{name}}” was cancelled.' },
    drag_out_unavailable: { default: 'Dragging files out of the app is not available here. Use Download instead.' },
    box_restore_needs_folder: {
      default: 'The folder this item was in no longer exists. Choose a folder to restore it to.',
    },
    box_share_refused: {
      enterprise: 'Box does not allow this shared link: “{{text}}”. Choose another access level, or ask your IT team.',
      rules: 'Box did not accept these link settings: “{{text}}”. Change them and try again.',
    },
    edit_unsaved: {
      default: '“{{name}}” has changes that are not on Box yet. Wait until it says “Saved to Box”, then close it.',
    },
    file_unreadable: {
      not_a_file: '“{{name}}” is not a file, so it cannot be uploaded. Upload the files inside it instead.',
      missing: '“{{name}}” cannot be uploaded because it no longer exists.',
      not_permitted: '“{{name}}” cannot be uploaded because you do not have permission to read it.',
      cannot_read: '“{{name}}” cannot be uploaded because it cannot be read.',
      read_failed: '“{{name}}” could not be read while uploading. Check the file, then retry.',
      changed: '“{{name}}” changed while it was being uploaded. Retry once the file is saved.',
    },
    keychain_unavailable: { default: 'The system keychain is not available. Unlock it, or sign in again.' },
    internal: {
      default: 'Something went wrong inside the app. Try again; if it keeps happening, restart the app.',
      sign_in: 'Something went wrong while signing in. Try again.',
    },
  },
  {
    invalid_request: {
      malformed: 'Die Anfrage an {{channel}} war fehlerhaft.',
      transfer_gone: 'Diese Übertragung ist nicht mehr in der Liste.',
      question_gone: 'Diese Frage wurde bereits beantwortet oder zurückgezogen.',
      bulk_gone: 'Diese Aktion ist nicht mehr in der Liste: Wählen Sie die Elemente erneut aus.',
      setting_locked: 'Diese Einstellung wird von Ihrer Organisation festgelegt und kann hier nicht geändert werden.',
      setting_value: 'Dieser Wert kann nicht verwendet werden: {{text}}.',
      settings_file:
        'Ihre Einstellungsdatei {{file}} kann nicht aktualisiert werden: {{text}}. Korrigieren oder löschen Sie sie.',
    },
    unknown_channel: { default: 'Die App hat eine Aktion angefordert, die sie nicht kennt.' },
    forbidden_sender: { default: 'Diese Seite darf die App nicht verwenden.' },
    not_signed_in: {
      default: 'Melden Sie sich an, um fortzufahren.',
      browse: 'Sie sind abgemeldet. Melden Sie sich an, um Ihre Dateien zu sehen.',
    },
    sign_in_cancelled: { default: 'Die Anmeldung wurde abgebrochen.' },
    sign_in_denied: {
      default:
        'Die Anmeldung wurde auf der Anmeldeseite Ihrer Firma abgebrochen oder abgelehnt. Versuchen Sie es erneut, oder fragen Sie die IT, ob Sie Zugriff haben.',
    },
    sign_in_timeout: {
      default:
        'Die Anmeldung hat zu lange gedauert. Versuchen Sie es erneut, und schließen Sie die Anmeldung im Browser innerhalb von 5 Minuten ab.',
    },
    sign_in_port_in_use: {
      default_one:
        'Der von der IT festgelegte Anmeldeport (Port {{ports}}) wird von einem anderen Programm verwendet. Schließen Sie dieses Programm und versuchen Sie es erneut, oder fragen Sie die IT.',
      default_other:
        'Die von der IT festgelegten Anmeldeports (Ports {{ports}}) werden von anderen Programmen verwendet. Schließen Sie diese Programme und versuchen Sie es erneut, oder fragen Sie die IT.',
    },
    sign_in_malformed_answer: {
      default:
        'Die Anmeldeseite Ihrer Firma hat den Browser ohne Anmeldecode zurückgeschickt, daher konnte die Anmeldung nicht abgeschlossen werden. Versuchen Sie es erneut; wenn es wieder passiert, informieren Sie die IT.',
    },
    state_mismatch: {
      default:
        'Der Browser kam mit einer Antwort zurück, die zu einer anderen Anmeldung gehört. Schließen Sie alte Anmelde-Tabs und versuchen Sie es erneut.',
    },
    issuer_mismatch: {
      default:
        'Die Anmeldeantwort kam von einem anderen Identitätsanbieter als dem konfigurierten. Versuchen Sie es erneut; wenn es wieder passiert, informieren Sie die IT.',
    },
    idp_unreachable: {
      default:
        'Der Anmeldedienst Ihrer Firma ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
    },
    token_endpoint_error: {
      default:
        'Der Anmeldedienst Ihrer Firma hat die Anmeldung nicht abgeschlossen. Versuchen Sie es erneut; wenn es wieder passiert, informieren Sie die IT.',
    },
    clock_skew: {
      default:
        'Die Uhr Ihres Computers geht falsch, daher konnte die Anmeldung nicht geprüft werden. Lassen Sie Datum und Uhrzeit automatisch einstellen und versuchen Sie es erneut.',
    },
    session_expired: {
      default: 'Ihre Sitzung ist beendet. Melden Sie sich erneut an.',
      box: 'Ihre Sitzung ist beendet. Melden Sie sich erneut an, um fortzufahren.',
    },
    backend_unreachable: {
      default:
        'Der Box-SSO-Dienst ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
    },
    backend_busy: { default: 'Der Box-SSO-Dienst ist ausgelastet. Versuchen Sie es in einer Minute erneut.' },
    backend_denied: {
      default: 'Ihr Konto darf Box nicht über diese App verwenden. Bitten Sie die IT um Zugriff.',
    },
    backend_rejected_sign_in: {
      default:
        'Der Box-SSO-Dienst hat Ihre Anmeldung nicht angenommen. Melden Sie sich erneut an; wenn es wieder passiert, informieren Sie die IT.',
    },
    account_disabled: {
      default:
        'Ihr Firmenkonto ist deaktiviert oder wurde abgemeldet. Wenden Sie sich an die IT, falls das unerwartet ist.',
    },
    box_insufficient_scope: {
      scope:
        'Ihre Firma hat dieser App das nicht erlaubt. Fragen Sie Ihr IT-Team, wenn Sie diese Berechtigung benötigen.',
      browse: 'Sie haben hier keine Berechtigung dafür. Bitten Sie die Person, der der Ordner gehört, um Zugriff.',
      transfer:
        'Sie dürfen „{{name}}“ hier nicht übertragen. Bitten Sie Ihr IT-Team oder die Person, der der Ordner gehört, um Zugriff.',
    },
    box_item_name_in_use: {
      browse: 'Hier gibt es schon ein Element namens „{{name}}“. Wählen Sie einen anderen Namen.',
      transfer: 'Hier gibt es schon ein Element namens „{{name}}“.',
    },
    box_item_name_invalid: {
      browse:
        'Box akzeptiert „{{name}}“ nicht als Namen. Verwenden Sie höchstens 255 Zeichen, kein / oder \\ und keine Leerzeichen am Anfang oder Ende.',
      transfer: 'Box akzeptiert „{{name}}“ nicht als Namen. Benennen Sie die Datei um und versuchen Sie es erneut.',
    },
    box_storage_limit: {
      browse:
        'Ihr Box-Speicher ist voll. Löschen Sie Dateien, die Sie nicht mehr brauchen, oder bitten Sie Ihr IT-Team um mehr Speicherplatz.',
      transfer:
        '„{{name}}“ passt nicht mehr in Ihren Box-Speicher. Geben Sie Speicherplatz frei oder bitten Sie Ihr IT-Team um mehr.',
    },
    box_rate_limited: {
      browse_one: 'Box erhält zu viele Anfragen. Versuchen Sie es in {{count}} Sekunde erneut.',
      browse_other: 'Box erhält zu viele Anfragen. Versuchen Sie es in {{count}} Sekunden erneut.',
      transfer: 'Box erhält zu viele Anfragen. Versuchen Sie es in einer Minute erneut.',
    },
    box_not_found: {
      browse:
        'Dieses Element gibt es nicht mehr: Es wurde vielleicht verschoben oder gelöscht. Aktualisieren Sie den Ordner.',
      transfer: '„{{name}}“ oder sein Ordner existiert in Box nicht mehr. Aktualisieren Sie den Ordner.',
    },
    box_error: {
      trouble: 'Box hat gerade Probleme. Versuchen Sie es in ein paar Minuten erneut.',
      transfer_trouble: 'Box hat gerade Probleme. Versuchen Sie es in ein paar Minuten erneut.',
      refused:
        'Box hat die Anfrage abgelehnt ({{boxAnswer}}). Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an Ihr IT-Team.',
      unexpected: 'Bei der Verbindung mit Box ist etwas schiefgegangen. Versuchen Sie es erneut.',
    },
    offline: {
      browse: 'Box ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
      transfer:
        'Die Verbindung zu Box ist bei der Übertragung von „{{name}}“ abgebrochen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    },
    certificate_untrusted: {
      default:
        'Die Verbindung zu {{host}} ist nicht vertrauenswürdig: {{problem}}. Es wurde nichts gesendet oder gespeichert. Wenden Sie sich an Ihre IT-Abteilung (eventuell muss das Stammzertifikat der Firma installiert werden).',
    },
    proxy_unreachable: {
      default:
        'Der Netzwerk-Proxy {{proxy}} ist nicht erreichbar, daher auch {{host}} nicht. Prüfen Sie Ihre Netzwerkverbindung; wenn es wieder passiert, wenden Sie sich an Ihre IT-Abteilung.',
    },
    proxy_auth_failed: {
      rejected:
        'Der Proxy {{proxy}} hat Ihren Benutzernamen und Ihr Kennwort dreimal abgelehnt. Prüfen Sie beides und versuchen Sie es erneut, oder wenden Sie sich an Ihre IT-Abteilung.',
      cancelled: 'Die Anmeldung am Proxy {{proxy}} wurde abgebrochen, daher kam keine Verbindung zustande.',
      unsupported:
        'Der Proxy {{proxy}} verlangt {{problem}}, was die App nicht beantworten kann. Wenden Sie sich an Ihre IT-Abteilung (Dokumentation: „Unternehmensnetzwerke“).',
    },
    config_invalid: {
      idp_url: 'Die Anmeldeadresse des Identitätsanbieters kann nicht sicher geöffnet werden. Informieren Sie die IT.',
      sign_in_ports:
        'Die von der IT festgelegten Anmeldeports können auf diesem Computer nicht geöffnet werden. Bitten Sie die IT, die Einstellung zu prüfen.',
    },
    transfer_failed: {
      download_damaged:
        '„{{name}}“ ist beschädigt angekommen (die Prüfsumme passt nicht zu der von Box). Laden Sie die Datei erneut herunter.',
      download_wrong_size: '„{{name}}“ ist mit der falschen Größe angekommen. Laden Sie die Datei erneut herunter.',
      download_not_offered: 'Box hat „{{name}}“ nicht zum Herunterladen angeboten. Versuchen Sie es erneut.',
      upload_not_confirmed: 'Box hat „{{name}}“ nicht bestätigt. Versuchen Sie es erneut.',
      upload_stored_differently:
        'Box hat „{{name}}“ mit einer anderen Prüfsumme gespeichert. Laden Sie die Datei erneut hoch.',
      upload_assembly_too_long:
        'Box hat zu lange gebraucht, um „{{name}}“ zusammenzusetzen. Laden Sie die Datei erneut hoch.',
      box_refused:
        'Box hat die Übertragung von „{{name}}“ abgelehnt ({{boxAnswer}}). Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an Ihr IT-Team.',
      local_disk_full:
        'In {{folder}} ist nicht genug Platz für „{{name}}“. Geben Sie Speicherplatz frei und versuchen Sie es erneut.',
      local_folder_not_writable: 'Sie können in {{folder}} keine Dateien speichern. Wählen Sie einen anderen Ordner.',
      local_folder_missing: 'Den Ordner {{folder}} gibt es nicht mehr. Wählen Sie einen anderen Ordner.',
      local_name_appeared:
        'Während des Herunterladens ist im Ordner eine Datei namens „{{name}}“ aufgetaucht. Versuchen Sie es erneut, um zu entscheiden, was passieren soll.',
    },
    transfer_cancelled: { default: 'Die Übertragung von „{{name}}“ wurde abgebrochen.' },
    drag_out_unavailable: {
      default: 'Dateien aus der App herausziehen ist hier nicht möglich. Verwenden Sie stattdessen „Herunterladen“.',
    },
    box_restore_needs_folder: {
      default:
        'Der Ordner, in dem dieses Element lag, existiert nicht mehr. Wählen Sie einen Ordner für die Wiederherstellung.',
    },
    box_share_refused: {
      enterprise:
        'Box erlaubt diesen freigegebenen Link nicht: „{{text}}“. Wählen Sie eine andere Zugriffsstufe, oder fragen Sie Ihr IT-Team.',
      rules:
        'Box hat diese Linkeinstellungen nicht angenommen: „{{text}}“. Ändern Sie sie und versuchen Sie es erneut.',
    },
    edit_unsaved: {
      default:
        '„{{name}}“ hat Änderungen, die noch nicht auf Box sind. Warten Sie, bis „In Box gespeichert“ angezeigt wird, und schließen Sie die Datei dann.',
    },
    file_unreadable: {
      not_a_file:
        '„{{name}}“ ist keine Datei und kann daher nicht hochgeladen werden. Laden Sie stattdessen die Dateien darin hoch.',
      missing: '„{{name}}“ kann nicht hochgeladen werden, weil es die Datei nicht mehr gibt.',
      not_permitted: '„{{name}}“ kann nicht hochgeladen werden, weil Sie die Datei nicht lesen dürfen.',
      cannot_read: '„{{name}}“ kann nicht hochgeladen werden, weil die Datei nicht lesbar ist.',
      read_failed:
        '„{{name}}“ konnte beim Hochladen nicht gelesen werden. Prüfen Sie die Datei und versuchen Sie es erneut.',
      changed:
        '„{{name}}“ hat sich beim Hochladen geändert. Versuchen Sie es erneut, sobald die Datei gespeichert ist.',
    },
    keychain_unavailable: {
      default: 'Der Schlüsselbund des Systems ist nicht verfügbar. Entsperren Sie ihn, oder melden Sie sich erneut an.',
    },
    internal: {
      default:
        'In der App ist etwas schiefgegangen. Versuchen Sie es erneut; wenn es wieder passiert, starten Sie die App neu.',
      sign_in: 'Bei der Anmeldung ist etwas schiefgegangen. Versuchen Sie es erneut.',
    },
  },
);
