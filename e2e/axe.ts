import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.1 A and AA, the level public services in China and elsewhere are asked to meet. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical accessibility violations axe finds on the screen as it is now, one
 * line each (rule, impact, how many nodes, the first few selectors), so a failing test says
 * what to fix and where. Minor and moderate findings are left to review.
 */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      return `${screen}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${v.help} — ${where}`;
    });
}
