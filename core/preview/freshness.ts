import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time under `paths` (files, or folders walked recursively), 0 when none exist. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    let info;
    try {
      info = statSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
    } else if (info.isFile()) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Whether the built renderer must be (re)built: its index.html is missing, or any input (the
 * renderer's sources, the core modules it bundles, the build config, the lock file) is newer.
 */
export function rendererIsStale(outIndexHtml: string, inputs: string[]): boolean {
  let built: number;
  try {
    built = statSync(outIndexHtml).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > built;
}
