import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../ipc/bridge.ts';
import { applyLanguage, pickLanguage, shippedLanguages, type ShippedLanguage, type UiLanguage } from './i18n.ts';

/** The user's choice, kept by this renderer: a preference, not a secret and not a policy. */
const storageKey = 'box-sso-desktop.language';
export type LanguageSetting = 'system' | UiLanguage;

function storedSetting(): LanguageSetting {
  const stored = globalThis.localStorage?.getItem(storageKey);
  return stored === 'pseudo' || shippedLanguages.includes(stored as ShippedLanguage)
    ? (stored as UiLanguage)
    : 'system';
}

/**
 * The UI language: the OS's preferred languages (from the shell; in the browser shell,
 * navigator.languages), unless the user picked one. `pseudo` is reachable only by tests.
 */
export function useLanguage(osLanguages: readonly string[] | null) {
  const [setting, setSetting] = useState<LanguageSetting>(storedSetting);
  const systemLanguage = pickLanguage(osLanguages?.length ? osLanguages : navigator.languages);
  const language: UiLanguage = setting === 'system' ? systemLanguage : setting;

  useEffect(() => {
    applyLanguage(language);
    // Main titles the OS's dialogs in the same language; a shell without the channel keeps its own.
    void invoke('app:setLanguage', { language }).catch(() => undefined);
  }, [language]);

  const choose = useCallback((next: LanguageSetting) => {
    if (next === 'system') globalThis.localStorage?.removeItem(storageKey);
    else globalThis.localStorage?.setItem(storageKey, next);
    setSetting(next);
  }, []);
  return { setting, systemLanguage, choose };
}
