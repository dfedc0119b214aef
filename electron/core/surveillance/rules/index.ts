// rules/index.ts — the enabled rules of a document, one module per rule, in RULE_IDS order.
import type { RulesDocument } from '../../../../shared/surveillance/rules-document.ts';
import type { LocalClock } from '../local-clock.ts';
import type { Rule } from '../rule.ts';
import { crossAccountRule } from './cross-account.ts';
import { dailyCapsRule } from './daily-caps.ts';
import { feedIntegrityRule } from './feed-integrity.ts';
import { largeFillRule } from './large-fill.ts';
import { offHoursRule } from './off-hours.ts';
import { orderToTradeRule } from './order-to-trade.ts';
import { positionLimitRule } from './position-limit.ts';
import { restrictedListRule } from './restricted-list.ts';

export function createRules(doc: RulesDocument, clock: LocalClock): Rule[] {
  const rules: Rule[] = [];
  // A rule with nothing to check (no limit, no listed market) is left out rather than run per input.
  if (doc.positionLimit.enabled && doc.positionLimit.limits.length > 0) rules.push(positionLimitRule(doc.positionLimit));
  if (doc.largeFill.enabled) rules.push(largeFillRule(doc.largeFill));
  if (doc.restrictedList.enabled && doc.restrictedList.entries.length > 0) rules.push(restrictedListRule(doc.restrictedList));
  if (doc.crossAccount.enabled) rules.push(crossAccountRule(doc.crossAccount));
  if (doc.orderToTrade.enabled) rules.push(orderToTradeRule(doc.orderToTrade));
  if (doc.offHours.enabled) rules.push(offHoursRule(doc.offHours, clock));
  if (doc.feedIntegrity.enabled) rules.push(feedIntegrityRule(doc.feedIntegrity));
  if (doc.dailyCaps.enabled) rules.push(dailyCapsRule(doc.dailyCaps));
  return rules;
}
