// Run by kill.test.ts as a separate process: imports one file and says when it is under way,
// so the parent can SIGKILL it in the middle of the transaction. With `request`, the import runs
// as the CLI and the app's worker run it (core/ipc/import-run.ts) and the child says so when
// the file is committed and the ledger's derivation begins, its WAL checkpoint running in a
// thread of its own.

import { runImportRequest } from '../../../core/ipc/import-run.ts';
import { importFile } from '../../../core/importers/import-file.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { today } from '../../../core/shared/calendar.ts';

const [dbFile, file, mode] = process.argv.slice(2);
let announced = false;
const announce = (what: string): void => {
  if (!announced) process.stdout.write(`${what}\n`);
  announced = true;
};
if (mode === 'request') {
  const data = { dbFile, key: null, files: [{ name: 'big.csv', path: file }], actor: 'test', asOfDay: today() };
  await runImportRequest(data, new AbortController().signal, (message) => {
    if (message.type === 'progress' && message.phase === 'ledger') announce('progress');
  });
} else {
  const db = openDatabase(dbFile);
  await importFile(db, file, { onProgress: () => announce('progress') });
  db.close();
}
process.stdout.write('done\n');
