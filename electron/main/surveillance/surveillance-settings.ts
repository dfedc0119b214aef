// surveillance-settings.ts — what main keeps for surveillance, in the app's data folder: rules.json (the
// rules document the recorder runs: the same file `fillwatch surveil --rules` reads) and
// reviewer.json (the name stamped on every review made in this app). Main, not the page, holds the
// reviewer's name so every window and every review agree on it and it sits beside the journal it signs.
// Rules are validated with the engine's own schema (shared/surveillance/rules-document.ts) and saved
// as the whole document with every default written out, so the file says exactly what ran; each save
// that changes anything is a new version (alerts carry the version that raised them). Files are
// written atomically, before anything is applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SurveillanceSettingsWire } from '../../../shared/ipc/alerts-contract.ts';
import { MAX_REVIEWER_LENGTH } from '../../../shared/surveillance/alert-transitions.ts';
import { DEFAULT_RULES, parseRulesDocument, RulesDocumentError, type RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

export type RulesSource = SurveillanceSettingsWire['rules']['source'];

export type SaveRulesResult =
  | { readonly saved: true; readonly rules: RulesDocument }
  | { readonly saved: false; readonly field: string; readonly message: string };

export class SurveillanceSettings {
  readonly #rulesPath: string;
  readonly #reviewerPath: string;
  #rules: RulesDocument;
  #text: string;
  #source: RulesSource;
  #problem: string | null;
  #reviewer: string | null;

  private constructor(dataDir: string) {
    this.#rulesPath = join(dataDir, 'rules.json');
    this.#reviewerPath = join(dataDir, 'reviewer.json');
    ({ rules: this.#rules, text: this.#text, source: this.#source, problem: this.#problem } = readRules(this.#rulesPath));
    this.#reviewer = readReviewer(this.#reviewerPath);
  }

  /** Reads both files now (an invalid rules.json leaves the defaults running and says why). */
  static read(dataDir: string): SurveillanceSettings {
    return new SurveillanceSettings(dataDir);
  }

  get rules(): RulesDocument {
    return this.#rules;
  }

  get reviewer(): string | null {
    return this.#reviewer;
  }

  /** Why rules.json could not be used, or null. */
  get problem(): string | null {
    return this.#problem;
  }

  view(applied: boolean): SurveillanceSettingsWire {
    return { reviewer: this.#reviewer, rules: { text: this.#text, document: this.#rules, source: this.#source, problem: this.#problem, applied } };
  }

  /** An empty name clears it (reviews are then refused until one is set). */
  async setReviewer(name: string): Promise<void> {
    const reviewer = name.trim() === '' ? null : name.trim().slice(0, MAX_REVIEWER_LENGTH);
    await writeFileAtomic(this.#reviewerPath, `${JSON.stringify({ version: 1, reviewer }, null, 2)}\n`);
    this.#reviewer = reviewer;
  }

  /** Validates and saves; a document that changes anything becomes the next version. */
  async setRules(text: string): Promise<SaveRulesResult> {
    let parsed: RulesDocument;
    try {
      parsed = parseRulesDocument(text, 'rules');
    } catch (error) {
      if (error instanceof RulesDocumentError) return { saved: false, field: error.field, message: error.message };
      throw error;
    }
    const version = sameRules(parsed, this.#rules) ? this.#rules.version : Math.max(parsed.version, this.#rules.version + 1);
    const rules: RulesDocument = { ...parsed, version };
    const out = `${JSON.stringify(rules, null, 2)}\n`;
    await writeFileAtomic(this.#rulesPath, out);
    this.#rules = rules;
    this.#text = out;
    this.#source = 'file';
    this.#problem = null;
    return { saved: true, rules };
  }
}

/** Equal apart from the version number. */
export function sameRules(a: RulesDocument, b: RulesDocument): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}

function readRules(path: string): { rules: RulesDocument; text: string; source: RulesSource; problem: string | null } {
  const defaults = { rules: DEFAULT_RULES, text: `${JSON.stringify(DEFAULT_RULES, null, 2)}\n` };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaults, source: 'default', problem: null };
    return { ...defaults, source: 'invalid-file', problem: `${path} could not be read (${(error as Error).message}); the default rules run.` };
  }
  try {
    return { rules: parseRulesDocument(text, path), text, source: 'file', problem: null };
  } catch (error) {
    // Kept as it is: the JSON editor shows it with the problem, and saving a fixed one replaces it.
    return { rules: DEFAULT_RULES, text, source: 'invalid-file', problem: `${(error as Error).message}. The default rules run until it is fixed.` };
  }
}

function readReviewer(path: string): string | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { reviewer?: unknown };
    return typeof value.reviewer === 'string' && value.reviewer.trim() !== '' ? value.reviewer.trim().slice(0, MAX_REVIEWER_LENGTH) : null;
  } catch {
    return null; // missing or unreadable: Settings asks for the name again
  }
}
