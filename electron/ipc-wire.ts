// Wire names shared by main and the preload. No imports: the preload bundle must stay Node-free.

/** The one channel main uses to push contract events: `send(EVENT_CHANNEL, eventName, payload)`. */
export const EVENT_CHANNEL = 'credence:event';
