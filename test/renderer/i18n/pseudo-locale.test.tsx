import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppHeader } from '../../../renderer/src/components/app-header.tsx';
import { ConfigErrorScreen } from '../../../renderer/src/components/config-error-screen.tsx';
import { formatModified, formatSize } from '../../../renderer/src/components/format.ts';
import { KeychainBanner } from '../../../renderer/src/components/keychain-banner.tsx';
import { SignedOutScreen } from '../../../renderer/src/components/signed-out-screen.tsx';
import { SigningInScreen } from '../../../renderer/src/components/signing-in-screen.tsx';
import { ListPlaceholder } from '../../../renderer/src/file-browser/placeholders.tsx';
import { SessionErrorScreen } from '../../../renderer/src/components/session-error-screen.tsx';
import { appError } from '../../../main/core/errors/error-catalog.ts';
import { errorText } from '../../../renderer/src/i18n/error-text.ts';
import { applyLanguage, pseudoMarks } from '../../../renderer/src/i18n/i18n.ts';

const attributes = ['aria-label', 'title', 'placeholder', 'alt'];

/**
 * Every piece of text a user can see or hear that did not come from a catalog: in the
 * pseudo-locale each catalog string is wrapped in ⟦…⟧. Text inside translate="no" (file and
 * user names, a settings file's own words) is data, not UI, and is left out. Main's errors are
 * said from the renderer's catalog by code and wording (errorText), so they are marked too.
 */
function hardCodedStrings(root: HTMLElement): string[] {
  const found: string[] = [];
  const marked = (text: string) => text.includes(pseudoMarks.open) && text.includes(pseudoMarks.close);
  const visit = (element: Element): void => {
    if (element.getAttribute('translate') === 'no' || element.getAttribute('aria-hidden') === 'true') return;
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value && !marked(value)) found.push(`${element.tagName.toLowerCase()}[${name}]: ${value}`);
    }
    // Text directly in this element, outside any marked catalog string.
    for (const node of element.childNodes) {
      if (node.nodeType !== node.TEXT_NODE) continue;
      const text = node.textContent ?? '';
      if (text.trim() !== '' && !marked(text) && !/^[\s·—,]+$/.test(text))
        found.push(`${element.tagName.toLowerCase()}: ${text}`);
    }
    for (const child of element.children) visit(child);
  };
  visit(root);
  return found;
}

/** Rendered inside the pseudo-locale, as the app does: the words are chosen at render time. */
function SessionErrorScreenFromMain() {
  return (
    <SessionErrorScreen
      message={errorText(appError('idp_unreachable', 'default').toInfo())}
      onRetry={() => undefined}
    />
  );
}

const views: Record<string, ReactElement> = {
  'signed out': <SignedOutScreen onSignIn={() => undefined} />,
  'signing in': <SigningInScreen onCancel={() => undefined} getSignInLink={() => Promise.resolve(null)} />,
  'config error': (
    <ConfigErrorScreen
      error={{
        file: '/etc/box-sso-desktop/policy.json',
        field: 'issuer',
        message: '"issuer": must be an https: URL',
        problem: { kind: 'httpsOnly', params: {} },
      }}
    />
  ),
  header: (
    <AppHeader
      info={{ name: 'Box SSO Desktop', version: '1.0.0', platform: 'linux', mode: 'sandbox', languages: [] }}
      user={{ name: 'Alice Example', email: 'alice@example.com', boxUserId: '1' }}
      onSignOut={() => undefined}
      onSignOutEverywhere={() => undefined}
    />
  ),
  'keychain banner': <KeychainBanner />,
  'sign-in error': <SessionErrorScreenFromMain />,
  'empty folder': (
    <ListPlaceholder
      error={null}
      loading={false}
      search={null}
      onRetry={() => undefined}
      onNewFolder={() => undefined}
    />
  ),
  'no search results': (
    <ListPlaceholder
      error={null}
      loading={false}
      search={{ query: 'budget', folderId: null, folderName: null }}
      onRetry={() => undefined}
      onNewFolder={() => undefined}
    />
  ),
  loading: (
    <ListPlaceholder error={null} loading search={null} onRetry={() => undefined} onNewFolder={() => undefined} />
  ),
};

describe('pseudo-locale: every rendered string comes from the catalog', () => {
  beforeAll(() => act(() => applyLanguage('pseudo')));
  afterAll(() => act(() => applyLanguage('en')));

  for (const [name, view] of Object.entries(views)) {
    it(name, () => {
      const { container } = render(view);
      expect(hardCodedStrings(container)).toEqual([]);
    });
  }

  it('the check finds a hard-coded string', () => {
    const { container } = render(
      <p>
        <span>Sign in</span>
      </p>,
    );
    expect(hardCodedStrings(container)).toEqual(['span: Sign in']);
  });

  it('sizes and dates are formatted for the language (German digits, units and "today")', () => {
    act(() => applyLanguage('de'));
    expect(formatSize(5)).toBe('5 Byte');
    expect(formatSize(1_250_000)).toBe('1,2 MB');
    expect(formatModified('2025-03-04T10:00:00Z')).toMatch(/2025/);
    expect(formatModified(new Date().toISOString())).toMatch(/^Heute, \d/);
    act(() => applyLanguage('en'));
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(5)).toBe('5 bytes');
    expect(formatSize(1_250_000)).toBe('1.2 MB');
  });
});
