/**
 * The background's front door: every request is classified by sender (senders.ts), checked against
 * its schema (requests.ts) and, from a content script, against what that origin may touch
 * (scope.ts), before a handler sees it. Anything else gets `{ ok: false, error }` and no handler
 * runs, so a hostile page learns nothing but the refusal.
 */
import * as v from 'valibot';
import type { Handler, Handlers, MessageType, Request } from '../../messaging';
import type { Result } from '../../model';
import { problemOf } from '../../model/schemas';
import { REQUESTS } from './requests';
import { CONTENT_SCOPES, type ScopeReads } from './scope';
import { classifySender, type Sender, type SenderEnv } from './senders';

/** Hears each content sender that was let through (the notices go to tabs that asked). */
export type SeenListener = (sender: Extract<Sender, { kind: 'content' }>) => void;

type ContentScope = (
  req: Request<MessageType>,
  from: Extract<Sender, { kind: 'content' }>,
  reads: ScopeReads,
) => Promise<Result<Request<MessageType>>>;

/** `handlers`, each behind the sender, schema and scope checks. */
export function guardHandlers(
  handlers: Handlers,
  env: SenderEnv,
  reads: ScopeReads,
  onSeen: SeenListener = () => {},
): Handlers {
  const out: Record<string, Handler<MessageType>> = {};
  for (const [type, handler] of Object.entries(handlers) as Array<[MessageType, Handler<MessageType>]>) {
    const schema = REQUESTS[type];
    out[type] = async (req, rawSender) => {
      const who = await classifySender(rawSender, env);
      if (!who.ok) return who;
      if (!schema) return { ok: false, error: `"${type}" has no request schema.` };
      const parsed = v.safeParse(schema, req, { abortEarly: true });
      if (!parsed.success) return { ok: false, error: `"${type}" refused: ${problemOf(parsed.issues)}.` };
      let checked = { ...(parsed.output as object), type } as Request<MessageType>;
      const sender = who.value;
      if (sender.kind === 'content') {
        const scope = CONTENT_SCOPES[type] as ContentScope | undefined;
        if (!scope) return { ok: false, error: `"${type}" is not available to web pages.` };
        const narrowed = await scope(checked, sender, reads);
        if (!narrowed.ok) return narrowed;
        checked = narrowed.value;
        onSeen(sender);
      }
      return handler(checked, sender);
    };
  }
  return out as Handlers;
}
