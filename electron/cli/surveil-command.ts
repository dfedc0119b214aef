// surveil-command.ts — `fillwatch surveil --db F [--rules rules.json] [--from T] [--to T] [--format json|csv]`:
// the surveillance rules replayed over the journal (every account, every commit in journal order), giving
// the alerts the live service raised with the same rules. --from/--to keep the alerts raised in that
// window; everything before still builds the rules' state (positions, windows, days). Reads only: the
// journal's alert store is `fillwatch alerts`. A rules document that is not valid is refused in one line
// naming the field (`rules.json: positionLimit.limits[0].contracts: expected a positive decimal …`).
import { replaySurveillance } from '../core/surveillance/index.ts';
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import { DEFAULT_RULES, RulesDocumentError, parseRulesDocument, type RulesDocument } from '../../shared/surveillance/rules-document.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { openReaderFor } from './journal-reader.ts';
import { surveilCsv } from './alerts-format.ts';
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
  const reader = openReaderFor(db);
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
