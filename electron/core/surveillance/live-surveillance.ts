// live-surveillance.ts — the rules engine inside the recorder service: warmed up once from what the
// journal already holds (replay, so its state is what a replay's would be at that point; nothing is
// told for that history: it was told when it happened), then fed every commit of every account as it
// is reported. Commits reach it in journal order because the service's journals commit inline, on one
// thread, each reported right after its transaction. The hot path is one conversion per commit and
// constant work per input; alerts are rare, and only they cost a write (the service's recordAlerts).
// New rules (setRules, Settings' save) apply from the next commit on: the engine is rebuilt by a replay
// with them, as at start, so its state is a replay's and nothing of the history is told again.
import type { SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import { openJournalReader, type CommittedBatch } from '../journal/index.ts';
import { SurveillanceEngine } from './engine.ts';
import { inputsOfBatch } from './journal-inputs.ts';
import { replaySurveillance } from './replay.ts';

export interface LiveSurveillanceOptions {
  readonly rules: RulesDocument;
  readonly journalPath: string;
  /** The alerts one commit raised (never called with none). */
  readonly onAlerts: (alerts: readonly SurveillanceAlert[]) => void;
}

export class LiveSurveillance {
  readonly #options: LiveSurveillanceOptions;
  #rules: RulesDocument;
  #engine: SurveillanceEngine | undefined;

  constructor(options: LiveSurveillanceOptions) {
    this.#options = options;
    this.#rules = options.rules;
  }

  get warm(): boolean {
    return this.#engine !== undefined;
  }

  /**
   * Replays the journal into a fresh engine (call once the file exists, before any commit is reported).
   * Throws JournalError; the engine then starts empty, so call again or accept that live may differ.
   */
  warmUp(): void {
    if (this.#engine !== undefined) return;
    if (this.#options.journalPath === ':memory:') {
      this.#engine = new SurveillanceEngine(this.#rules);
      return;
    }
    this.#engine = new SurveillanceEngine(this.#rules); // in place should the replay fail
    const reader = openJournalReader(this.#options.journalPath);
    try {
      this.#engine = replaySurveillance(reader, this.#rules).engine;
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
