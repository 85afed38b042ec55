// The worker thread an app's import runs in (import-jobs.ts starts it, import-run.ts does the
// work): the thread that answers IPC only relays progress, passes a cancel on and receives the
// outcome, so every other call is answered while a million rows go in.

import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../shared/errors.ts';
import { runImportRequest, type ImportMessage, type ImportOutcome, type ImportRunData } from './import-run.ts';

export type ImportWorkerCommand = { type: 'cancel' };

if (parentPort) {
  const port = parentPort;
  const controller = new AbortController();
  const hear = (command: ImportWorkerCommand): void => {
    if (command.type === 'cancel') controller.abort();
  };
  // A cancel sent while the modules were loading (a while under load, from source) is already
  // waiting: taken now, so that an import cancelled by then opens nothing (import-run.ts).
  for (let waiting = receiveMessageOnPort(port); waiting; waiting = receiveMessageOnPort(port)) hear(waiting.message as ImportWorkerCommand);
  port.on('message', hear);
  const data = workerData as ImportRunData;
  let outcome: ImportOutcome;
  try {
    outcome = await runImportRequest(data, controller.signal, (message) => port.postMessage(message));
  } catch (error) {
    // The profile could not be opened here (it was, a moment ago, by the starting thread).
    outcome = { reports: [], failures: data.files.map((file) => ({ file: file.name, error: toErrorPayload(error) })) };
  }
  port.postMessage({ type: 'done', outcome } satisfies ImportMessage);
  port.close();
}
