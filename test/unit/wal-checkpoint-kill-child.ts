// Run by wal-checkpoint.test.ts as a separate process: commits `mb` megabytes with the
// connection's own checkpoint off, asks the worker for the checkpoint and says so, then waits for
// it, so that the parent can SIGKILL the process while the worker copies the WAL into the file.

import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { deferCheckpoints, WalCheckpointer } from '../../core/storage/wal-checkpoint.ts';

const [file, mb] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
deferCheckpoints(db);
const checkpoints = new WalCheckpointer(db, file, null, (message) => process.stderr.write(`${message}\n`));
const insert = db.prepare('INSERT INTO blobs (data) VALUES (?)');
db.transaction(() => {
  for (let i = 0; i < Number(mb) * 16; i++) insert.run(randomBytes(64 * 1024));
})();
checkpoints.afterCommit();
process.stdout.write('checkpoint\n');
await checkpoints.close();
process.stdout.write('done\n');
