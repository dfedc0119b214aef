// rules/index.ts — the enabled rules of a document, one module per rule, in RULE_IDS order.
import type { RulesDocument } from '../../../../shared/surveillance/rules-document.ts';
import type { LocalClock } from '../local-clock.ts';
import type { Rule } from '../rule.ts';
import { largeFillRule } from './large-fill.ts';
import { positionLimitRule } from './position-limit.ts';

export function createRules(doc: RulesDocument, _clock: LocalClock): Rule[] {
  const rules: Rule[] = [];
  if (doc.positionLimit.enabled) rules.push(positionLimitRule(doc.positionLimit));
  if (doc.largeFill.enabled) rules.push(largeFillRule(doc.largeFill));
  return rules;
}
