// alerts-command.ts — `fillwatch alerts --db F --format csv|json [filters] [--out FILE]`: the journal's
// alerts for an auditor (alerts-format.ts), open first, read in one snapshot. The export is recorded in
// the journal's audit chain (who, when, the filter, the SHA-256 of what was written) before the output
// appears: on stdout after the record, or as --out renamed into place after it.
import { Buffer } from 'node:buffer';
import { resolve } from 'node:path';
import { ALERT_STATES, RULE_IDS, SEVERITIES } from '../../shared/surveillance/alert.ts';
import type { AlertDetail, AlertFilter } from '../../shared/surveillance/alert-records.ts';
import { MAX_LIST_LIMIT } from '../core/alerts/alert-queries.ts';
import { describeFile } from '../core/alerts/evidence-pack.ts';
import { alertFailure, openAlertJournal, osUser, writeFileRecorded, type ExportEnv } from './alert-journal.ts';
import { alertsCsv, alertsJson } from './alerts-format.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { oneOf, parseFlags, requireFlag } from './parse-flags.ts';
import { parseTimeArg } from './time-arg.ts';

export const alertsUsage = 'fillwatch alerts --db journal.db --format csv|json [--state S] [--rule R] [--account API_KEY_ID] [--market TICKER] '
  + '[--severity S] [--from T] [--to T] [--out FILE]';

const FILTER_FLAGS = ['state', 'rule', 'account', 'market', 'severity', 'from', 'to'] as const;

export function runAlerts(argv: string[], write: (text: string) => void, env: ExportEnv = {}): number {
  const values = parseFlags(argv, {
    db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
    ...Object.fromEntries(FILTER_FLAGS.map((f) => [f, { type: 'string' }])) as Record<(typeof FILTER_FLAGS)[number], { type: 'string' }>,
  });
  const db = requireFlag('db', values.db);
  const format = oneOf('format', values.format ?? 'csv', ['csv', 'json']);
  const filter: AlertFilter = {
    ...(values.state === undefined ? {} : { state: oneOf('state', values.state, ALERT_STATES) }),
    ...(values.rule === undefined ? {} : { ruleId: oneOf('rule', values.rule, RULE_IDS) }),
    ...(values.account === undefined ? {} : { accountId: values.account }),
    ...(values.market === undefined ? {} : { market: values.market }),
    ...(values.severity === undefined ? {} : { severity: oneOf('severity', values.severity, SEVERITIES) }),
    ...(values.from === undefined ? {} : { from: parseTimeArg('from', values.from) }),
    ...(values.to === undefined ? {} : { to: parseTimeArg('to', values.to) }),
    limit: MAX_LIST_LIMIT,
  };
  const given = Object.fromEntries(FILTER_FLAGS.flatMap((f) => (values[f] === undefined ? [] : [[f, values[f]]])));
  const store = openAlertJournal(db);
  try {
    const at = (env.now ?? Date.now)();
    const user = env.user ?? osUser();
    const { alerts, heads } = store.consistent(() => ({
      alerts: store.list(filter).map((a) => store.get(a.id)).filter((a): a is AlertDetail => a !== undefined),
      heads: store.heads(),
    }));
    if (alerts.length >= MAX_LIST_LIMIT) throw new CliError(`more than ${MAX_LIST_LIMIT} alerts match; narrow the export with --from/--to or another filter`, ExitCode.runtime);
    const text = format === 'csv' ? alertsCsv(alerts) : alertsJson(alerts, { exportedAt: at, exportedBy: user, filter: given, journalPath: resolve(db), heads });
    const bytes = Buffer.from(text, 'utf8');
    const record = () => {
      try {
        store.recordExport({
          command: 'alerts', alertId: null, user, format, filter: given,
          files: [describeFile({ name: values.out === undefined ? '(stdout)' : resolve(values.out), bytes })], at,
        });
      } catch (error) {
        throw alertFailure(error, db);
      }
    };
    if (values.out === undefined) {
      record();
      write(text);
    } else {
      writeFileRecorded(values.out, bytes, record);
    }
  } finally {
    store.close();
  }
  return ExitCode.ok;
}
