import type { Channel, Envelope, EventName, EventPayload, Request, Response } from './contract.ts';

/**
 * What the page sees as `window.credence`: the preload's contextBridge object in Electron, or a
 * stand-in with the same shape from the test harness and the preview server. Nothing else.
 */
export interface CredenceBridge {
  invoke<C extends Channel>(channel: C, payload: Request<C>): Promise<Envelope<Response<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const BRIDGE_KEY = 'credence';
