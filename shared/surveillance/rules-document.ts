// rules-document.ts — the surveillance rules document as the engine reads it (rules-schema.ts gives
// its shape and defaults), its defaults, and the one way to read one: a document that is not valid is
// refused with ONE line naming the field, e.g.
//   rules.json: positionLimit.limits[0].contracts: expected a positive decimal (…)
// so the CLI and Settings can show it as is. Plain data; runs anywhere (shared/).
import type { z } from 'zod';
import { rulesDocumentSchema } from './rules-schema.ts';

export type RulesDocument = z.output<typeof rulesDocumentSchema>;
/** What a user may write: every field but `version` can be left out (its default applies). */
export type RulesDocumentInput = z.input<typeof rulesDocumentSchema>;
export type AllowEntry = RulesDocument['allowList'][number];
export type PositionLimitParams = RulesDocument['positionLimit'];
export type LargeFillParams = RulesDocument['largeFill'];
export type RestrictedListParams = RulesDocument['restrictedList'];
export type CrossAccountParams = RulesDocument['crossAccount'];
export type OrderToTradeParams = RulesDocument['orderToTrade'];
export type OffHoursParams = RulesDocument['offHours'];
export type FeedIntegrityParams = RulesDocument['feedIntegrity'];
export type DailyCapsParams = RulesDocument['dailyCaps'];

export { rulesDocumentSchema };

export class RulesDocumentError extends Error {
  override readonly name = 'RulesDocumentError';
  /** The field it names ('positionLimit.limits[0].contracts'), or '' for the document as a whole. */
  readonly field: string;
  constructor(source: string, field: string, problem: string) {
    super(`${source}: ${field === '' ? '' : `${field}: `}${problem}`);
    this.field = field;
  }
}

/** Every rule with its defaults (version 1): what `fillwatch surveil` uses without --rules. */
export const DEFAULT_RULES: RulesDocument = rulesDocumentSchema.parse({ version: 1 });

/**
 * A document from its JSON text (or an already parsed value), validated and with defaults filled in.
 * Throws RulesDocumentError whose message is one line: `<source>: <field>: <problem>`.
 */
export function parseRulesDocument(input: string | unknown, source = 'rules.json'): RulesDocument {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new RulesDocumentError(source, '', `not valid JSON (${oneLine(error instanceof Error ? error.message : String(error))})`);
    }
  }
  const result = rulesDocumentSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  return refuse(source, issue);
}

function refuse(source: string, issue: z.core.$ZodIssue): never {
  let path = issue.path;
  let problem = issue.message;
  if (issue.code === 'unrecognized_keys') {
    // Name the misspelt field itself, not its parent.
    path = [...path, issue.keys[0]!];
    problem = 'unknown field (check its spelling; see the README\'s "Surveillance rules")';
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    problem = 'required';
  }
  throw new RulesDocumentError(source, fieldPath(path), oneLine(problem));
}

/** ['positionLimit', 'limits', 0, 'contracts'] → 'positionLimit.limits[0].contracts' */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
