import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.0 and 2.1 level A and AA rules: what the app promises to meet. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core on the page as it is now, failing with one readable line per violation and node.
 * A journey calls it at each view or state it reaches: adding a view is one line.
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const violations = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} at ${node.target.join(' ')} (${node.failureSummary?.replaceAll('\n', ' ') ?? ''})`,
    ),
  );
  expect(violations, `axe (WCAG 2.0/2.1 A and AA) on ${view}`).toEqual([]);
}
