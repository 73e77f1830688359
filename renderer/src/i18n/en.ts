/**
 * The English catalog: every word the renderer shows, by key. The other catalogs are typed
 * against this one (a missing key does not compile) and test/renderer/i18n checks them again at
 * run time. Plurals use i18next's `_one`/`_other` suffixes, chosen by Intl.PluralRules.
 */
export const en = {
  app: {
    name: 'Box SSO Desktop',
    sandbox: 'Sandbox',
    sandboxHint: 'Local stand-ins for your identity provider and Box; nothing leaves this computer',
    loading: 'Loading…',
    about: 'About this app',
    version: '{{name}} {{version}} · {{platform}}',
    language: 'Language',
    languageSystem: 'System ({{language}})',
  },
  languages: { en: 'English', de: 'Deutsch' },
  signedOut: {
    title: 'Your Box files, with your company sign-in',
    lead: 'Sign in with your work account. Your browser opens to finish signing in.',
    signIn: 'Sign in',
  },
  signingIn: {
    waiting: 'Waiting for the browser sign-in',
    title: 'Finish signing in in your browser',
    lead: "A browser tab opened at your company's sign-in page. When you are done there, come back here: your files open automatically.",
    copyLink: 'Copy sign-in link',
    cancel: 'Cancel',
    copied: 'Link copied. Paste it into your browser if no tab opened.',
    copyFailed: 'The link could not be copied. Cancel and try signing in again.',
  },
  sessionError: { title: 'Signing in did not work', retry: 'Try again' },
  configError: {
    title: 'Configuration error',
    lead: 'Box SSO Desktop cannot start because its configuration has a problem. Send this message to your IT department; the app will work again once the file is fixed and the app restarted.',
    file: 'File',
    noFile: 'No file: a required setting is not set anywhere',
    setting: 'Setting',
    problem: 'Problem',
  },
  header: {
    account: 'Signed-in account',
    signOut: 'Sign out',
    signOutOptions: 'Sign-out options',
    signOutEverywhere: 'Sign out of your company account too',
    settings: 'Settings',
  },
  keychain: {
    notice: "You'll need to sign in again next time: the system keychain is not available.",
    learnMore: 'Learn more',
    details:
      'Box SSO Desktop keeps your sign-in in the system keychain (Keychain on macOS, Credential Manager on Windows, a Secret Service such as GNOME Keyring or KWallet on Linux). None is running or it is locked, so your sign-in is kept in memory only, never written to disk. Once the keychain is unlocked, the app uses it. For IT: see "The system keychain is not available" in the IT administrator guide.',
  },
  format: {
    none: '—',
    today: 'Today, {{time}}',
  },
  status: {
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
  placeholder: {
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
  list: { name: 'Name', modified: 'Modified', size: 'Size' },
} as const;

/** The shape every catalog has: the same keys as English, any words. */
export type Catalog = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
