// live-surveillance.ts — the rules engine inside the recorder service: warmed up once from what the
// journal already holds (replay, so its state is what a replay's would be at that point; nothing is
// told for that history: it was told when it happened), then fed every commit of every account as it
// is reported. Commits reach it in journal order because the service's journals commit inline, on one
// thread, each reported right after its transaction. The hot path is one conversion per commit and
// constant work per input; alerts are rare, and only they cost a write (the service's recordAlerts).
// New rules (setRules, Settings' save) apply from the next commit on: the engine is rebuilt by a replay
// with them, as at start, so its state is a replay's and nothing of the history is told again.
// Each start and each new document is written down as a run (journal table surveillance_runs: the
// document and the message it began after). A crash between a commit and its alerts' store would lose
// them; so warmUp replays what came after the newest run's start with that run's document and hands
// the alerts it raises to onRecovered (the store keeps those it does not have), before starting a run.
import type { SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import { parseRulesDocument, type RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import { openJournalReader, type CommittedBatch } from '../journal/index.ts';
import { SurveillanceEngine } from './engine.ts';
import { inputsOfBatch } from './journal-inputs.ts';
import { replaySurveillance } from './replay.ts';

/** One start of the live engine, or one new rules document: what ran, from after which message. */
export interface SurveillanceRun {
  readonly rules: RulesDocument;
  readonly fromRawId: number;
}

/** Where runs are kept (the journal's alert store). */
export interface SurveillanceRuns {
  last(): SurveillanceRun | undefined;
  start(run: SurveillanceRun): void;
}

export interface LiveSurveillanceOptions {
  readonly rules: RulesDocument;
  readonly journalPath: string;
  /** The alerts one commit raised (never called with none). */
  readonly onAlerts: (alerts: readonly SurveillanceAlert[]) => void;
  /** Runs, for crash recovery (absent for an in-memory journal: nothing survives a crash there). */
  readonly runs?: SurveillanceRuns;
  /** What the last run raised after its start, to be stored if it is not yet (throws: warmUp throws, no run starts). */
  readonly onRecovered?: (alerts: readonly SurveillanceAlert[]) => void;
}

export class LiveSurveillance {
  readonly #options: LiveSurveillanceOptions;
  #rules: RulesDocument;
  #engine: SurveillanceEngine | undefined;
  #recovered = false;

  constructor(options: LiveSurveillanceOptions) {
    this.#options = options;
    this.#rules = options.rules;
  }

  get warm(): boolean {
    return this.#engine !== undefined;
  }

  /**
   * Replays the journal into a fresh engine (call once the file exists, before any commit is reported);
   * the first time, also recovers what the previous run may have lost. Throws JournalError (or what
   * onRecovered threw); the engine then starts empty, so call again or accept that live may differ.
   */
  warmUp(): void {
    if (this.#engine !== undefined) return;
    this.#engine = new SurveillanceEngine(this.#rules); // in place should the replay fail
    if (this.#options.journalPath === ':memory:') return;
    const reader = openJournalReader(this.#options.journalPath);
    try {
      const last = this.#recovered ? undefined : this.#options.runs?.last();
      const sameRules = last !== undefined && sameDocument(last.rules, this.#rules);
      const replay = replaySurveillance(reader, this.#rules, { afterRawId: sameRules ? last.fromRawId : Number.POSITIVE_INFINITY });
      if (last !== undefined) {
        const lost = sameRules ? replay.alerts : replaySurveillance(reader, last.rules, { afterRawId: last.fromRawId }).alerts;
        if (lost.length > 0) this.#options.onRecovered?.(lost);
      }
      this.#recovered = true;
      this.#options.runs?.start({ rules: this.#rules, fromRawId: replay.lastRawId });
      this.#engine = replay.engine;
    } finally {
      reader.close();
    }
  }

  /** Runs `rules` from now on (a warm engine is rebuilt from the journal with them; throws JournalError like warmUp). */
  setRules(rules: RulesDocument): void {
    const warm = this.#engine !== undefined;
    this.#rules = rules;
    this.#engine = undefined;
    if (warm) this.warmUp();
  }

  /** One account's commit (accountKey = its API key id, the journal's account). */
  committed(accountKey: string, batch: CommittedBatch): void {
    const engine = this.#engine ??= new SurveillanceEngine(this.#rules);
    let raised: SurveillanceAlert[] | undefined;
    for (const input of inputsOfBatch(accountKey, batch)) {
      const alerts = engine.process(input);
      if (alerts.length > 0) (raised ??= []).push(...alerts);
    }
    if (raised !== undefined) this.#options.onAlerts(raised);
  }
}

/** Equal documents once both are read through the schema (same keys, same order, defaults filled in). */
function sameDocument(a: RulesDocument, b: RulesDocument): boolean {
  return JSON.stringify(parseRulesDocument(a)) === JSON.stringify(parseRulesDocument(b));
}
