// Run by kill.test.ts as a separate process: imports one file and says when it is under way,
// so the parent can SIGKILL it in the middle of the transaction.

import { importFile } from '../../../core/importers/import-file.ts';
import { openDatabase } from '../../../core/storage/database.ts';

const [dbFile, file] = process.argv.slice(2);
const db = openDatabase(dbFile);
let announced = false;
await importFile(db, file, {
  onProgress: () => {
    if (!announced) process.stdout.write('progress\n');
    announced = true;
  },
});
db.close();
process.stdout.write('done\n');
