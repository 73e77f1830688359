import { defineArea } from '../define-area.ts';

export const app = defineArea(
  {
    name: 'Box SSO Desktop',
    sandbox: 'Sandbox',
    sandboxHint: 'Local stand-ins for your identity provider and Box; nothing leaves this computer',
    loading: 'Loading…',
    about: 'About this app',
    version: '{{name}} {{version}} · {{platform}}',
    language: 'Language',
    languageSystem: 'System ({{language}})',
  },
  {
    name: 'Box SSO Desktop',
    sandbox: 'Sandbox',
    sandboxHint: 'Lokale Stellvertreter für Ihren Identitätsanbieter und Box; nichts verlässt diesen Computer',
    loading: 'Wird geladen…',
    about: 'Über diese App',
    version: '{{name}} {{version}} · {{platform}}',
    language: 'Sprache',
    languageSystem: 'System ({{language}})',
  },
);

export const languages = defineArea(
  {
    en: 'English',
    de: 'Deutsch',
  },
  {
    en: 'English',
    de: 'Deutsch',
  },
);

export const format = defineArea(
  {
    none: '—',
    today: 'Today, {{time}}',
  },
  {
    none: '—',
    today: 'Heute, {{time}}',
  },
);
