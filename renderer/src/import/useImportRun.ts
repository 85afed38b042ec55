import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalizedText } from '../../../core/shared/localized-text.ts';
import type { Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke } from '../api.ts';
import { translate, type MessageKey, type Params } from '../i18n/translate.ts';
import { fileToBase64, groupForRequests } from './encode.ts';
import { formatMegabytes, MAX_FILE_BYTES } from './format.ts';

export type ImportReport = Response<'import.files'>['reports'][number];

/** A file that did not import: main's error, or one the page refused itself, in both languages. */
export interface FileFailure {
  file: string;
  code: string;
  message: LocalizedText;
}

export interface ImportResult {
  reports: ImportReport[];
  failures: FileFailure[];
}

export interface ProgressView {
  file: string;
  /** 1-based, across every request of this import. */
  index: number;
  count: number;
  rowsRead: number;
  percent: number | null;
  /** While the file's bytes go to the preview server, before its import starts. */
  upload: { sent: number; total: number } | null;
  /** `ledger`: every file is saved, the accounts and scores are being updated; too late to cancel. */
  phase: 'read' | 'ledger';
}

/** A file main holds (the desktop app: chosen in its dialog, or dropped): named by a reference, its bytes never in the page. */
export type ChosenFile = Response<'import.chooseFiles'>['files'][number];
export type Picked = File | ChosenFile;

export type RunState = { running: false } | { running: true; cancelling: boolean; progress: ProgressView | null };

/** The import in flight: which request main is working on, and whether the user asked to stop. */
interface Active {
  importId: string | null;
  sent: boolean;
  offset: number;
  total: number;
  cancelled: boolean;
  /** Stops an upload under way (the preview server then keeps nothing of it). */
  stop: AbortController;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function localFailure(file: string, key: MessageKey, params: Params): FileFailure {
  return { file, code: key, message: { 'zh-CN': translate('zh-CN', key, params), en: translate('en', key, params) } };
}

type Sent = { name: string; dataBase64: string } | { name: string; fileRef: string };

/** Whether a file travels inside the request (base64), so that it counts against its byte budget. */
const inRequest = (item: Picked): boolean => !('fileRef' in item) && typeof window.credence?.upload !== 'function';

/**
 * In the desktop app, each File the page was handed (dropped, or from its file input) held by
 * main by its path, which the page never sees (the preload's holdFile): it is then named by
 * reference, as a file main's dialog chose. A File main does not take by path (none on disk,
 * not named as a bill) stays as it is; one main refuses (gone since the drop) fails alone.
 */
async function heldByMain(picked: Picked[], failures: FileFailure[]): Promise<Picked[]> {
  const bridge = window.credence;
  if (typeof bridge?.holdFile !== 'function') return picked;
  const out: Picked[] = [];
  for (const item of picked) {
    if ('fileRef' in item) {
      out.push(item);
      continue;
    }
    const answer = await bridge.holdFile(item).catch(() => null);
    if (answer === null) out.push(item);
    else if (answer.ok) out.push(answer.value);
    else failures.push({ file: item.name, code: answer.error.code, message: answer.error.message });
  }
  return out;
}

/**
 * One file as the request names it: a file main holds by its reference; on the preview server,
 * an upload of its raw bytes in chunks, then its reference; elsewhere (a file with no path on
 * disk in the desktop app, the test page) its bytes as base64. A file that cannot be read or
 * sent fails alone.
 */
async function prepare(item: Picked, active: Active, failures: FileFailure[], onUpload: (sent: number, total: number) => void): Promise<Sent | null> {
  if ('fileRef' in item) return { name: item.name, fileRef: item.fileRef };
  const bridge = window.credence;
  try {
    if (typeof bridge?.upload === 'function') {
      const answer = await bridge.upload(item, item.name, { signal: active.stop.signal, onProgress: onUpload });
      if (answer.ok) return { name: item.name, fileRef: answer.value.fileRef };
      failures.push({ file: item.name, code: answer.error.code, message: answer.error.message });
      return null;
    }
    const dataBase64 = await fileToBase64(item, () => active.cancelled);
    return active.cancelled ? null : { name: item.name, dataBase64 };
  } catch {
    // A cancel stopped the upload: the file is reported as not sent, below.
    if (!active.cancelled) failures.push(localFailure(item.name, 'import.readFailed', { file: item.name }));
    return null;
  }
}

export function useImportRun(profileId: string, onFinished: () => void) {
  const [run, setRun] = useState<RunState>({ running: false });
  const [result, setResult] = useState<ImportResult | null>(null);
  const active = useRef<Active | null>(null);

  useEffect(() => {
    // A plain browser tab has no bridge; invoke() reports that, so the page just gets no progress.
    if (typeof window.credence?.on !== 'function') return;
    return window.credence.on('import.progress', (event) => {
      const current = active.current;
      if (!current || event.importId !== current.importId) return; // a finished or foreign import
      const progress = {
        file: event.file,
        index: current.offset + event.fileIndex + 1,
        count: current.total,
        rowsRead: event.rowsRead,
        percent: event.percent,
        upload: null,
        phase: event.phase,
      };
      setRun((state) => (state.running ? { ...state, progress } : state));
    });
  }, []);

  const sendGroup = useCallback(
    async (group: Picked[], password: string, current: Active, outcome: ImportResult) => {
      const unsent = (items: Picked[]) => items.forEach((item) => outcome.failures.push(localFailure(item.name, 'import.cancelledUnsent', { file: item.name })));
      if (current.cancelled) return unsent(group);
      current.importId = crypto.randomUUID();
      current.sent = false;
      const files: Sent[] = [];
      const failed = new Set<Picked>();
      for (const [position, item] of group.entries()) {
        if (current.cancelled) break;
        const onUpload = (sent: number, total: number) => {
          const progress = { file: item.name, index: current.offset + position + 1, count: current.total, rowsRead: 0, percent: total > 0 ? (100 * sent) / total : null, upload: { sent, total }, phase: 'read' as const };
          setRun((state) => (state.running ? { ...state, progress } : state));
        };
        const failures = outcome.failures.length;
        const prepared = await prepare(item, current, outcome.failures, onUpload);
        if (prepared) files.push(prepared);
        if (outcome.failures.length > failures) failed.add(item);
      }
      if (current.cancelled) {
        // What was uploaded already is given up with the import (a chosen file has nothing to remove).
        for (const file of files) if ('fileRef' in file) void window.credence.discardUpload?.(file.fileRef);
        return unsent(group.filter((item) => !failed.has(item)));
      }
      if (files.length === 0) return;
      current.sent = true;
      try {
        const response = await invoke('import.files', { profileId, importId: current.importId, files, ...(password ? { password } : {}) });
        outcome.reports.push(...response.reports);
        outcome.failures.push(...response.failures.map(({ file, error }) => ({ file, code: error.code, message: error.message })));
      } catch (error) {
        // The request as a whole failed (bridge, validation): every file in it is reported with that error.
        const failure = asIpcError(error);
        files.forEach(({ name }) => outcome.failures.push({ file: name, code: failure.code, message: failure.localized }));
      }
    },
    [profileId],
  );

  const start = useCallback(
    async (picked: Picked[], password: string) => {
      if (active.current || picked.length === 0) return; // one import at a time from this page
      const current: Active = { importId: null, sent: false, offset: 0, total: 0, cancelled: false, stop: new AbortController() };
      active.current = current;
      const outcome: ImportResult = { reports: [], failures: [] };
      const held = await heldByMain(picked, outcome.failures);
      // Only a file sent inside the request is bounded here; an upload's limit is the server's to state.
      const accepted = held.filter((item) => {
        if (!inRequest(item) || item.size <= MAX_FILE_BYTES) return true;
        outcome.failures.push(localFailure(item.name, 'import.tooLarge', { file: item.name, size: formatMegabytes(item.size) }));
        return false;
      });
      current.total = accepted.length;
      setResult(null);
      setRun({ running: true, cancelling: false, progress: null });
      try {
        for (const group of groupForRequests(accepted.map((item) => ({ item, size: inRequest(item) ? item.size : 0 })))) {
          await sendGroup(group.map(({ item }) => item), password, current, outcome);
          current.offset += group.length;
        }
      } finally {
        active.current = null;
        setRun({ running: false });
        setResult(outcome);
        onFinished();
      }
    },
    [sendGroup, onFinished],
  );

  const cancel = useCallback(async () => {
    const current = active.current;
    if (!current || current.cancelled) return;
    current.cancelled = true;
    current.stop.abort();
    setRun((state) => (state.running ? { ...state, cancelling: true } : state));
    // Main learns the id only when the request arrives, and a large one takes a moment to cross:
    // retry until main confirms or the import ends. Files not yet sent are never sent.
    while (active.current === current) {
      if (current.sent && current.importId) {
        try {
          if ((await invoke('import.cancel', { importId: current.importId })).cancelled) return;
        } catch {
          return; // the report will show whether the file landed; nothing else to do here
        }
      }
      await sleep(100);
    }
  }, []);

  return { run, result, start, cancel };
}
