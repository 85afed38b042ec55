// Files named by a one-time random reference: main's open dialog (`import.chooseFiles`) and a
// file dropped on the desktop window (electron/dropped-files.ts) hand the page a reference for
// each path, and `import.files` takes it back. A reference names one file for one import, only
// this process can have made it, and the page never sees the path behind it.

import { randomUUID } from 'node:crypto';

/** References not yet taken, at most: the oldest is forgotten first (a page asking again and again holds no more). */
const MAX_WAITING = 1000;

export class FileRefs {
  private readonly paths = new Map<string, string>();
  private readonly prefix: string;

  /** `prefix` says where a reference came from (`chosen`, `dropped`). */
  constructor(prefix: string) {
    this.prefix = prefix;
  }

  add(path: string): string {
    if (this.paths.size >= MAX_WAITING) this.paths.delete(this.paths.keys().next().value!);
    const ref = `${this.prefix}:${randomUUID()}`;
    this.paths.set(ref, path);
    return ref;
  }

  /** The path, once: the reference is then gone. Null for a reference this registry did not make. */
  take(ref: string): string | null {
    const path = this.paths.get(ref) ?? null;
    this.paths.delete(ref);
    return path;
  }
}
