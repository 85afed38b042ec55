// Sandboxed, context-isolated preload, bundled to out/preload/index.cjs. It may import only
// `electron` and Node-free modules, and carries only the contract's names (core/ipc/
// channel-names.ts): validation and every message live in main.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, type CredenceBridge, type HeldFile } from '../core/ipc/bridge.ts';
import { CHANNEL_NAMES, EVENT_NAMES } from '../core/ipc/channel-names.ts';
import type { Envelope } from '../core/ipc/contract.ts';
import { EVENT_CHANNEL, FILE_REF_CHANNEL, namedAsBill, REFUSAL_CHANNEL } from './ipc-wire.ts';

type Renderer = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;
type Files = Pick<typeof webUtils, 'getPathForFile'>;

/** The object the page sees as `window.credence`: exactly `invoke`, `on` and `holdFile`. */
export function createBridge(renderer: Renderer, files: Files): CredenceBridge {
  const knownChannels = new Set<string>(CHANNEL_NAMES);
  const knownEvents = new Set<string>(EVENT_NAMES);

  function invoke(channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
    if (typeof channel !== 'string' || !knownChannels.has(channel)) {
      // Only the name crosses, as a string (never page code run through toString), and no payload.
      return renderer.invoke(REFUSAL_CHANNEL, typeof channel === 'string' ? channel : typeof channel) as Promise<Envelope<unknown>>;
    }
    // Exactly one argument crosses: nothing else the page passes reaches main.
    return renderer.invoke(channel, payload) as Promise<Envelope<unknown>>;
  }

  function on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string' || !knownEvents.has(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    // The IpcRendererEvent (and its `sender`) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    renderer.on(EVENT_CHANNEL, forward);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      renderer.removeListener(EVENT_CHANNEL, forward);
    };
  }

  async function holdFile(file: unknown): Promise<Envelope<HeldFile> | null> {
    let path: string;
    try {
      // Throws for anything but a File; '' for a File with no file on disk behind it.
      path = files.getPathForFile(file as File);
    } catch {
      return null;
    }
    // Only the path crosses, and only to main: the page gets main's answer, never the path.
    if (path === '' || !namedAsBill(path)) return null;
    return (await renderer.invoke(FILE_REF_CHANNEL, path)) as Envelope<HeldFile>;
  }

  return Object.freeze({ invoke, on, holdFile }) as CredenceBridge;
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer, webUtils));
