/// <reference lib="dom" />
// axe.ts — runs axe-core (WCAG 2 A/AA rules) in a page of the app. The source is evaluated over the
// DevTools protocol, which the page's strict CSP does not govern, so the app's CSP stays as shipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { readonly id: string; readonly impact: string | null; readonly help: string; readonly targets: readonly string[] }

/** WCAG 2.0/2.1 A and AA violations in `selector` (default the whole page). */
export async function axeViolations(page: Page, selector = 'body'): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(c: string, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
}
