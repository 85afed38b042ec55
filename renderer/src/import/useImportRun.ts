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
}

export type RunState = { running: false } | { running: true; cancelling: boolean; progress: ProgressView | null };

/** The import in flight: which request main is working on, and whether the user asked to stop. */
interface Active {
  importId: string | null;
  sent: boolean;
  offset: number;
  total: number;
  cancelled: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function localFailure(file: string, key: MessageKey, params: Params): FileFailure {
  return { file, code: key, message: { 'zh-CN': translate('zh-CN', key, params), en: translate('en', key, params) } };
}

type Encoded = { name: string; dataBase64: string };

/** Reads each file of a request; a file the OS will not hand over fails alone. */
async function encodeGroup(group: File[], active: Active, failures: FileFailure[]): Promise<Encoded[]> {
  const encoded: Encoded[] = [];
  for (const file of group) {
    if (active.cancelled) break;
    try {
      encoded.push({ name: file.name, dataBase64: await fileToBase64(file, () => active.cancelled) });
    } catch {
      failures.push(localFailure(file.name, 'import.readFailed', { file: file.name }));
    }
  }
  return encoded;
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
      };
      setRun((state) => (state.running ? { ...state, progress } : state));
    });
  }, []);

  const sendGroup = useCallback(
    async (group: File[], password: string, current: Active, outcome: ImportResult) => {
      const unsent = () => group.forEach((file) => outcome.failures.push(localFailure(file.name, 'import.cancelledUnsent', { file: file.name })));
      if (current.cancelled) return unsent();
      current.importId = crypto.randomUUID();
      current.sent = false;
      const files = await encodeGroup(group, current, outcome.failures);
      if (current.cancelled) return unsent();
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
    async (files: File[], password: string) => {
      if (active.current || files.length === 0) return; // one import at a time from this page
      const current: Active = { importId: null, sent: false, offset: 0, total: 0, cancelled: false };
      active.current = current;
      const outcome: ImportResult = { reports: [], failures: [] };
      const accepted = files.filter((file) => {
        if (file.size <= MAX_FILE_BYTES) return true;
        outcome.failures.push(localFailure(file.name, 'import.tooLarge', { file: file.name, size: formatMegabytes(file.size) }));
        return false;
      });
      current.total = accepted.length;
      setResult(null);
      setRun({ running: true, cancelling: false, progress: null });
      try {
        for (const group of groupForRequests(accepted)) {
          await sendGroup(group, password, current, outcome);
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
