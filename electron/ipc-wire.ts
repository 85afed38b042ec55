// Wire names shared by main and the preload. No imports: the preload bundle must stay Node-free.

/** The one channel main uses to push contract events: `send(EVENT_CHANNEL, eventName, payload)`. */
export const EVENT_CHANNEL = 'credence:event';

/**
 * Where the preload takes a channel name outside the contract, as data, never as a channel: main
 * answers with the refusal (ipc.unknown_channel) in both languages, so the preload carries no
 * message catalogue.
 */
export const REFUSAL_CHANNEL = 'credence:refusal';
