// surveil-command.ts — `fillwatch surveil --db F [--rules rules.json] [--from T] [--to T] [--format json|csv]`:
// the surveillance rules replayed over the journal (every account, every commit in journal order), giving
// the alerts the live service raised with the same rules. --from/--to keep the alerts raised in that
// window; everything before still builds the rules' state (positions, windows, days). Reads only: the
// journal's alert store is `fillwatch alerts`. A rules document that is not valid is refused in one line
// naming the field (`rules.json: positionLimit.limits[0].contracts: expected a positive decimal …`).
import { openJournalReader, JournalError } from '../core/journal/index.ts';
import { replaySurveillance } from '../core/surveillance/index.ts';
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import { DEFAULT_RULES, RulesDocumentError, parseRulesDocument, type RulesDocument } from '../../shared/surveillance/rules-document.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { csvCell } from './export-command.ts';
import { oneOf, parseFlags, requireFlag } from './parse-flags.ts';
import { readInputFile } from './read-input-file.ts';
import { parseTimeArg } from './time-arg.ts';

export const surveilUsage = 'fillwatch surveil --db journal.db [--rules rules.json] [--from T] [--to T] [--format json|csv]';

export const SURVEIL_FORMAT = 'fillwatch-surveil/1';

export function runSurveil(argv: string[], write: (text: string) => void): number {
  const values = parseFlags(argv, { db: { type: 'string' }, rules: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } });
  const db = requireFlag('db', values.db);
  const format = oneOf('format', values.format ?? 'json', ['json', 'csv']);
  const from = values.from === undefined ? undefined : parseTimeArg('from', values.from);
  const to = values.to === undefined ? undefined : parseTimeArg('to', values.to);
  const rules = values.rules === undefined ? DEFAULT_RULES : readRules(values.rules);
  let reader;
  try {
    reader = openJournalReader(db);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot read "${db}": ${error.message}`, ExitCode.runtime);
    throw error;
  }
  let alerts: SurveillanceAlert[];
  try {
    alerts = replaySurveillance(reader, rules, { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }).alerts;
  } finally {
    reader.close();
  }
  write(format === 'csv' ? surveilCsv(alerts) : `${JSON.stringify({
    format: SURVEIL_FORMAT,
    rulesVersion: rules.version,
    from: from === undefined ? null : new Date(from).toISOString(),
    to: to === undefined ? null : new Date(to).toISOString(),
    alerts,
  }, null, 2)}\n`);
  return ExitCode.ok;
}

function readRules(path: string): RulesDocument {
  try {
    return parseRulesDocument(readInputFile(path, 'rules file'), path);
  } catch (error) {
    if (error instanceof RulesDocumentError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The columns of `fillwatch alerts` that exist before any review (same names, same cell forms). */
const COLUMNS: readonly (readonly [string, (a: SurveillanceAlert) => unknown])[] = [
  ['id', (a) => a.id],
  ['suppressedBy', (a) => a.suppressedBy],
  ['ruleId', (a) => a.ruleId],
  ['rulesVersion', (a) => a.rulesVersion],
  ['severity', (a) => a.severity],
  ['raisedAt', (a) => iso(a.raisedAt)],
  ['accounts', (a) => a.accountIds.join('\n')],
  ['market', (a) => a.market],
  ['title', (a) => a.title],
  ['text', (a) => a.text],
  ['evidenceExecIds', (a) => a.evidence.executions.map((e) => `${e.accountId}:${e.execId}`).join('\n')],
  ['evidenceOrderIds', (a) => a.evidence.orderIds.join('\n')],
  ['evidenceNote', (a) => a.evidence.note],
];

export function surveilCsv(alerts: readonly SurveillanceAlert[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const alert of alerts) lines.push(COLUMNS.map(([, value]) => csvCell(value(alert))).join(','));
  return lines.map((l) => `${l}\r\n`).join('');
}
