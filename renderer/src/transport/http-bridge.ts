import type { CredenceBridge, Uploaded, UploadOptions } from '../../../core/ipc/bridge.ts';
import type { Envelope } from '../../../core/ipc/contract.ts';

// `window.credence` over HTTP, for the page served by `npm run preview` (core/preview/server.ts).
// invoke → POST /ipc/<channel> with the payload as JSON; the server runs the same dispatch as
// Electron's main process and answers with the same envelope, which is returned as it is. A
// transport failure (refused, server gone) rejects, as `ipcRenderer.invoke` does when main throws.
// upload → a file's raw bytes in chunks, in order (POST /upload, then /upload/<id>?offset=N with
// each slice of the Blob as the body, read from disk by the browser, never turned into text), for
// import.files to name by reference; a cancel or a failed chunk gives the upload up (…/abort).
// on → one newline-delimited JSON stream per page, GET /events, read with fetch() because
// EventSource cannot send the token header.

export interface HttpBridgeOptions {
  /** The page's own origin (the server's); default `location.origin`. */
  origin: string;
  token: string;
  fetch?: typeof fetch;
  /** Stops the event stream for good (tests, page teardown). */
  signal?: AbortSignal;
  /** First delay before the event stream reconnects; doubles up to 10 s. */
  retryMs?: number;
}

type Listener = (payload: unknown) => void;

const MAX_RETRY_MS = 10_000;

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return (ok === true && 'value' in value) || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}

export function createHttpBridge(options: HttpBridgeOptions): CredenceBridge {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.origin.replace(/\/+$/, '');
  const stop = options.signal ?? new AbortController().signal;
  // Only ever our own origin, never a cookie, never a Referer, never a redirect elsewhere.
  const common: RequestInit = { credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer' };
  const authorization = `Bearer ${options.token}`;

  async function invoke(channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const response = await fetchImpl(`${base}/ipc/${encodeURIComponent(String(channel))}`, {
      ...common,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body,
    });
    if (response.status !== 200) throw new Error(`The Credence preview server refused the request (HTTP ${response.status}).`);
    const envelope: unknown = await response.json();
    if (!isEnvelope(envelope)) throw new Error('The Credence preview server sent a malformed answer.');
    return envelope;
  }

  async function post(path: string, contentType: string, body: BodyInit, signal?: AbortSignal): Promise<Envelope<unknown>> {
    const response = await fetchImpl(`${base}${path}`, {
      ...common,
      method: 'POST',
      headers: { 'Content-Type': contentType, Authorization: authorization },
      body,
      ...(signal ? { signal } : {}),
    });
    if (response.status !== 200) throw new Error(`The Credence preview server refused the upload (HTTP ${response.status}).`);
    const envelope: unknown = await response.json();
    if (!isEnvelope(envelope)) throw new Error('The Credence preview server sent a malformed answer.');
    return envelope;
  }

  async function discardUpload(fileRef: string): Promise<void> {
    await post(`/upload/${encodeURIComponent(fileRef)}/abort`, 'application/json', '{}').catch(() => undefined);
  }

  async function upload(file: Blob, name: string, uploadOptions: UploadOptions = {}): Promise<Envelope<Uploaded>> {
    const { onProgress, signal } = uploadOptions;
    const started = await post('/upload', 'application/json', JSON.stringify({ name, size: file.size }));
    if (!started.ok) return started;
    const { uploadId, chunkBytes } = started.value as { uploadId: string; chunkBytes: number };
    const giveUp = () => discardUpload(uploadId);
    try {
      for (let offset = 0; offset < file.size; offset += chunkBytes) {
        if (signal?.aborted) throw signal.reason;
        const sent = await post(`/upload/${uploadId}?offset=${offset}`, 'application/octet-stream', file.slice(offset, offset + chunkBytes), signal);
        if (!sent.ok) {
          await giveUp();
          return sent;
        }
        onProgress?.((sent.value as { received: number }).received, file.size);
      }
    } catch (error) {
      await giveUp();
      throw error;
    }
    return { ok: true, value: { fileRef: uploadId } };
  }

  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;

  function deliver(line: string): void {
    if (line.trim() === '') return; // heartbeat
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string') return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One listener's failure must not starve the others, nor end the stream.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  async function readStream(): Promise<void> {
    let delay = options.retryMs ?? 500;
    while (!stop.aborted) {
      try {
        const response = await fetchImpl(`${base}/events`, {
          ...common,
          method: 'GET',
          headers: { Authorization: authorization },
          signal: stop,
        });
        // The token is no longer this server's (it restarted with a new one): nothing to retry.
        if (response.status === 401) return;
        if (response.status === 200 && response.body) {
          delay = options.retryMs ?? 500;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffered = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffered += value;
            let newline = buffered.indexOf('\n');
            while (newline >= 0) {
              deliver(buffered.slice(0, newline));
              buffered = buffered.slice(newline + 1);
              newline = buffered.indexOf('\n');
            }
          }
        } else {
          await response.body?.cancel();
        }
      } catch {
        // The server went away or the stream broke: retry below unless stopped.
      }
      if (stop.aborted) return;
      await sleep(delay, stop);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }

  function on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string' || event === '') throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    if (!streaming) {
      streaming = true;
      void readStream();
    }
    if (!listeners.has(event)) listeners.set(event, new Set());
    const own = (payload: unknown) => (listener as Listener)(payload);
    listeners.get(event)!.add(own);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      listeners.get(event)?.delete(own);
    };
  }

  return Object.freeze({ invoke, on, upload, discardUpload }) as CredenceBridge;
}
