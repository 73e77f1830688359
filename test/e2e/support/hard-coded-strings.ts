import type { Page } from '@playwright/test';
import { pseudoMarks } from '../../../renderer/src/i18n/i18n.ts';

/** Puts the app in the pseudo-locale before its first render: every catalog string wrapped in ⟦…⟧. */
export async function usePseudoLocale(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('box-sso-desktop.language', 'pseudo'));
}

/**
 * Every piece of text on the page a user can see or hear that did not come from a catalog (or
 * through Intl): text nodes, and aria-label, title, placeholder and alt, outside translate="no"
 * (file and user names, paths: data, not the app's words) and aria-hidden (decoration). Also the
 * window title. In the pseudo-locale each catalog string carries the marks; text without them
 * was typed into a component.
 */
export function hardCodedStrings(page: Page): Promise<string[]> {
  return page.evaluate(({ open, close }) => {
    const found: string[] = [];
    // Separators and punctuation between marked strings carry no words.
    const wordless = (text: string) => /^[\s·—,:;()…›%/]*$/u.test(text);
    const innermost = new RegExp(`${open}[^${open}${close}]*${close}`, 'gu');
    /** Whether all the words are inside marks (marks nest: a formatted size inside a sentence). */
    const marked = (text: string) => {
      let rest = text;
      for (let previous = ''; previous !== rest;) [previous, rest] = [rest, rest.replace(innermost, '')];
      return wordless(rest);
    };
    const visit = (element: Element): void => {
      if (element.getAttribute('translate') === 'no' || element.getAttribute('aria-hidden') === 'true') return;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(element.tagName)) return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value && !marked(value)) found.push(`${element.tagName.toLowerCase()}[${name}]: ${value}`);
      }
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const text = node.textContent ?? '';
        if (!marked(text)) found.push(`${element.tagName.toLowerCase()}: ${text.trim()}`);
      }
      for (const child of element.children) visit(child);
    };
    visit(document.body);
    if (!marked(document.title) || wordless(document.title)) found.push(`title: ${document.title}`);
    return found;
  }, pseudoMarks);
}
