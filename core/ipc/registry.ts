import { z } from 'zod';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import {
  contract,
  isChannel,
  type Channel,
  type Envelope,
  type EventName,
  type EventPayload,
  type ParsedRequest,
  type Response,
} from './contract.ts';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type Handlers = {
  [C in Channel]: (request: ParsedRequest<C>) => Promise<Response<C>> | Response<C>;
};

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

function summarise(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single gate every transport (Electron IPC, the test harness, the preview server) calls:
 * channel allowlist, request validation, handler, response validation, and errors as payloads.
 * Sender checks belong to the transport, which alone knows who sent the message.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = () => {}): Dispatch {
  return async (channel, payload) => {
    try {
      if (!isChannel(channel)) throw new CredenceError('ipc.unknown_channel', { channel: String(channel) });
      const spec = contract[channel];
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        throw new CredenceError('ipc.invalid_request', {
          channel,
          summary: summarise(parsed.error.issues),
          issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
        });
      }
      const handler = handlers[channel] as (request: unknown) => unknown;
      const result = await handler(parsed.data);
      const checked = spec.response.safeParse(result);
      if (!checked.success) {
        log(new Error(`response for ${channel} failed its schema: ${summarise(checked.error.issues)}`));
        throw new CredenceError('ipc.invalid_response', { channel });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (!(error instanceof CredenceError)) log(error);
      return { ok: false, error: toErrorPayload(error) };
    }
  };
}
