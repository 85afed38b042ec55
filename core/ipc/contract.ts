import { z } from 'zod';
import { backupChannels } from './channels/backups.ts';
import { bureauChannels } from './channels/bureau.ts';
import { chartChannels } from './channels/charts.ts';
import { checklistChannels } from './channels/checklist.ts';
import { encryptionChannels } from './channels/encryption.ts';
import { consentChannels } from './channels/consent.ts';
import { importChannels, importEvents } from './channels/imports.ts';
import { ledgerChannels } from './channels/ledger.ts';
import { lockChannels, lockEvents } from './channels/lock.ts';
import { appChannels, profileChannels } from './channels/profiles.ts';
import { scoreChannels } from './channels/score.ts';
import { transactionChannels } from './channels/transactions.ts';
import { whatifChannels } from './channels/whatif.ts';
import { planChannels } from './channels/plan.ts';
import { errorPayloadSchema, localizedText } from '../wire/vocabulary.ts';
import type { actionSchema } from '../whatif/schema.ts';

// The one IPC contract. Main validates every request and response against it (core/ipc/
// registry.ts), the preload carries only its names (channel-names.ts, checked against it), and the
// renderer's calls are typed from it. Each domain declares its channels in
// core/ipc/channels/<domain>.ts; this is the only list. Every response object is strict, so a
// field its producer adds without adding it to the schema fails the response check.

export const contract = {
  ...appChannels,
  ...profileChannels,
  ...importChannels,
  ...ledgerChannels,
  ...bureauChannels,
  ...scoreChannels,
  ...lockChannels,
  ...encryptionChannels,
  ...backupChannels,
  ...consentChannels,
  ...transactionChannels,
  ...whatifChannels,
  ...chartChannels,
  ...planChannels,
  ...checklistChannels,
} as const;

/** Events main may push to the renderer (none carry user-supplied channels). */
export const events = {
  'app.notice': z.strictObject({ message: localizedText }),
  ...importEvents,
  ...lockEvents,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Request<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<Contract[C]['request']>;
export type Response<C extends Channel> = z.output<Contract[C]['response']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type ErrorPayloadWire = z.output<typeof errorPayloadSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayloadWire };

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/**
 * A what-if action as the page builds it. The channels carry a scenario's actions as unknown, so
 * that core checks each one itself and names the action and field of every problem
 * (core/whatif/validate.ts); the page's forms are typed from the schema those checks apply.
 */
export type WhatIfActionInput = z.input<typeof actionSchema>;
