// main.ts — `npm run harness -- [--port P] [--db F] [--demo] [--rate N] [--key-file F] [--ca-file F]`: builds
// what it needs, prints the URL it serves on 127.0.0.1, and runs until Ctrl-C (which logs every account out
// first). Accounts are kept in accounts.json beside the journal, their keys in the OS keychain; the harness
// has no open dialog, so Settings' "Import key file…" and "Choose CA…" take the files given here.
import { parseArgs } from 'node:util';
import { startHarness } from './harness.ts';

const USAGE = 'usage: npm run harness -- [--port P] [--db journal.db] [--demo] [--rate reports-per-second] [--key-file key.pem] [--ca-file ca.pem] [--export-dir folder]';

function fail(line: string): never {
  process.stderr.write(`fillwatch harness: ${line}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      db: { type: 'string' },
      demo: { type: 'boolean', default: false },
      rate: { type: 'string', default: '2' },
      'key-file': { type: 'string' },
      'ca-file': { type: 'string' },
      'export-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, got "${values.port}"`);
const rate = Number(values.rate);
if (!(rate > 0 && rate <= 1_000)) fail(`--rate must be between 0 and 1000 reports per second, got "${values.rate}"`);

const log = (line: string) => process.stderr.write(`fillwatch harness: ${line}\n`);
try {
  const harness = await startHarness({
    port,
    ...(values.db === undefined ? {} : { db: values.db }),
    demo: values.demo ? { reportsPerSecond: rate } : false,
    ...(values['export-dir'] === undefined ? {} : { exportDir: values['export-dir'] }),
    files: {
      ...(values['key-file'] === undefined ? {} : { 'private-key': values['key-file'] }),
      ...(values['ca-file'] === undefined ? {} : { 'ca-certificate': values['ca-file'] }),
    },
    log,
  });
  process.stdout.write(`Fillwatch harness on ${harness.url}${values.demo ? ` — demo mode: the built-in simulator, ${rate} reports/s per account` : ''}\n`);
  process.stdout.write(`Journal: ${harness.journalPath}. Ctrl-C stops (every account logs out first).\n`);
  const stop = () => void harness.close().then(() => process.exit(0), (error: unknown) => { log(`stopping failed: ${String(error)}`); process.exit(1); });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
