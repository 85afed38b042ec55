// The renderer never opens paths. Where it has no better way (a File with no path on disk in the
// desktop app, or not named as a bill; the test page) it reads the File object the user handed
// over and sends its bytes as base64, which every transport carries; the preview server's page
// uploads raw chunks instead, and the desktop app names a file its dialog chose or one dropped
// on its window by reference (useImportRun.ts).

/** A multiple of 3 bytes: each chunk's base64 then has no "=" padding, so the parts join cleanly. */
const CHUNK_BYTES = 3 * 8 * 1024;
/** Yield to the event loop every 128 chunks (3 MiB) so a 200 MB file does not freeze the Cancel button. */
const CHUNKS_PER_YIELD = 128;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function fileToBase64(file: Blob, shouldStop: () => boolean = () => false): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  for (let start = 0, chunk = 1; start < bytes.length; start += CHUNK_BYTES, chunk++) {
    // A bounded spread (24 KiB of arguments), never one over the whole file, which overflows the stack.
    parts.push(btoa(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))));
    if (chunk % CHUNKS_PER_YIELD === 0) {
      await nextTask();
      if (shouldStop()) return '';
    }
  }
  return parts.join('');
}

/** The contract takes at most 50 files per request; a byte budget also keeps each message bounded. */
const MAX_FILES_PER_REQUEST = 50;
const MAX_BYTES_PER_REQUEST = 256 * 1024 * 1024;

export function groupForRequests<F extends { size: number }>(files: F[]): F[][] {
  const groups: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= MAX_FILES_PER_REQUEST || bytes + file.size > MAX_BYTES_PER_REQUEST)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
