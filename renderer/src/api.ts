import type { LocalizedText } from '../../core/shared/localized-text.ts';
import type { CredenceBridge } from '../../core/ipc/bridge.ts';
import type { Channel, Envelope, ErrorPayloadWire, Request, Response } from '../../core/ipc/contract.ts';
import { translate } from './i18n/translate.ts';

declare global {
  interface Window {
    /** Injected by the preload (Electron) or the test/preview harness; checked at run time because a plain browser tab has none. */
    credence: CredenceBridge;
  }
}

type ErrorCode = ErrorPayloadWire['code'];

/** A failed call, still carrying both languages so the UI can show `localized[locale]` after a switch. */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly localized: LocalizedText;
  readonly details: Record<string, unknown>;

  constructor(payload: ErrorPayloadWire) {
    super(payload.message.en);
    this.name = 'IpcError';
    this.code = payload.code;
    this.localized = payload.message;
    this.details = payload.details;
  }
}

function localFailure(key: 'app.bridgeMissing' | 'app.ipcFailed', cause?: unknown): IpcError {
  const detail = cause instanceof Error ? { cause: cause.message } : {};
  return new IpcError({
    code: 'internal',
    message: { 'zh-CN': translate('zh-CN', key), en: translate('en', key) },
    details: detail,
  });
}

/** Anything a call can throw, as an IpcError, so components have one error shape to render. */
export function asIpcError(error: unknown): IpcError {
  return error instanceof IpcError ? error : localFailure('app.ipcFailed', error);
}

export async function invoke<C extends Channel>(channel: C, payload: Request<C>): Promise<Response<C>> {
  const bridge = window.credence as CredenceBridge | undefined;
  if (typeof bridge?.invoke !== 'function') throw localFailure('app.bridgeMissing');
  let envelope: Envelope<Response<C>>;
  try {
    envelope = await bridge.invoke(channel, payload);
  } catch (error) {
    // Main answers failures as envelopes; a rejection means the transport itself broke.
    throw localFailure('app.ipcFailed', error);
  }
  if (!envelope.ok) throw new IpcError(envelope.error);
  for (const listener of answered) listener(channel);
  return envelope.value;
}

const answered = new Set<(channel: Channel) => void>();

/**
 * Called with the channel of every call main answered (not of a failure), until the function
 * returned is called: for work main keeps ready that a change of the data leaves stale
 * (whatif/WhatIfPreparation.tsx), where the page cannot tell which calls changed it.
 */
export function onAnswered(listener: (channel: Channel) => void): () => void {
  answered.add(listener);
  return () => void answered.delete(listener);
}
