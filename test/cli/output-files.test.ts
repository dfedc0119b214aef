// A file the user names for output that cannot be written is one line and exit 2, reported before any
// work, and a journal that cannot be read does not truncate an existing --out file first.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../../electron/cli/main.ts';
import type { CliIo } from '../../electron/cli/record-command.ts';
import { openJournal, tempDir } from '../core/journal/journal-fixtures.ts';

async function run(argv: string[]) {
  const err: string[] = [];
  const io: CliIo = { out: () => {}, err: (l) => err.push(l), onSignal: () => () => {} };
  return { code: await runCli(argv, io), err };
}

describe('output files', () => {
  test('export --out into a missing folder', async () => {
    const dir = tempDir();
    try {
      const db = dir.file('journal.db');
      openJournal(db).close();
      const { code, err } = await run(['export', '--db', db, '--out', dir.file('missing/x.csv')]);
      assert.equal(code, 2);
      assert.deepEqual(err, [`fillwatch: cannot write the export file "${dir.file('missing/x.csv')}": no such file or folder`]);
    } finally {
      dir.remove();
    }
  });

  test('export from a journal that cannot be read leaves --out untouched', async () => {
    const dir = tempDir();
    try {
      const out = dir.file('keep.csv');
      writeFileSync(out, 'precious\n');
      const { code, err } = await run(['export', '--db', dir.file('none.db'), '--out', out]);
      assert.equal(code, 1);
      assert.equal(err.length, 1);
      assert.match(err[0]!, /^fillwatch: cannot read ".*none\.db"/);
      assert.equal(readFileSync(out, 'utf8'), 'precious\n');
      assert.equal(existsSync(dir.file('none.db')), false);
    } finally {
      dir.remove();
    }
  });
});
