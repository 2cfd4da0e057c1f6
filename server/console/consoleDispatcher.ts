import type { Kysely } from 'kysely';
import { DeskError } from '../../core/deskError.ts';
import { translatorFor } from '../../core/translate.ts';
import { fieldErrorsOf } from '../../core/validation.ts';
import type { DeskErrorBody, Envelope } from '../../domain/api/envelope.ts';
import { type ConsoleMethod, consoleMethods, isConsoleMethod } from '../../domain/console/consoleApi.ts';
import { mayCallConsole } from '../../domain/console/groupRoles.ts';
import { pickLanguage } from '../../locales/resources.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { isStoreOutage } from '../storeOutage.ts';
import { resolveConsoleSession } from './access/consoleSessions.ts';
import { recordGroupAudit } from './access/groupAudit.ts';
import type { ConsoleCall, ConsoleHandlers, ConsoleSession } from './consoleTypes.ts';

export interface ConsoleRequest {
  token: string | undefined;
  locale: string | undefined;
  source: string;
  setupToken: boolean;
}

/** The record a refused call was about, when its input names one. */
function targetOf(input: unknown): string | null {
  const record = input as { id?: unknown; siteId?: unknown } | null;
  const id = record?.id ?? record?.siteId;
  return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 64) : null;
}

/**
 * The console's one way in, the same steps as the desk's dispatcher: resolve the bearer
 * session, check the caller's group role (domain/console/groupRoles.ts), validate the input
 * with the method's zod schema, run the handler, answer an envelope. A refusal of access is
 * written to the group audit log; an unexpected failure is logged and answered `internal`.
 */
export function createConsoleDispatcher(
  db: Kysely<ServerDatabase>,
  handlers: ConsoleHandlers,
  now: () => Date,
  log: (line: string) => void,
) {
  return async (method: string, input: unknown, request: ConsoleRequest): Promise<Envelope<unknown>> => {
    const t = translatorFor(request.locale);
    const fail = (e: DeskError): Envelope<never> => {
      const error: DeskErrorBody = { code: e.code, message: t(e.ref.key, e.ref.values ?? {}) };
      if (e.fieldRefs) {
        error.fields = Object.fromEntries(Object.entries(e.fieldRefs).map(([field, ref]) => [field, t(ref.key, ref.values ?? {})]));
      }
      return { ok: false, error };
    };
    let session: ConsoleSession | null = null;
    try {
      if (!isConsoleMethod(method))
        throw new DeskError('unknown_method', { key: 'console:error.unknownMethod', values: { method: method.slice(0, 100) } });
      const spec = consoleMethods[method];
      session = await resolveConsoleSession(db, request.token, now());
      if (spec.session && !session) throw new DeskError('unauthenticated', { key: 'unauthenticated' });
      if (!mayCallConsole(session?.user.role ?? null, method)) throw new DeskError('forbidden', { key: 'console:error.forbidden' });
      const parsed = spec.input.safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) throw new DeskError('invalid_input', { key: 'invalidInput' }, fieldErrorsOf(parsed.error));
      const handler = handlers[method] as (i: unknown, c: ConsoleCall<ConsoleMethod>) => Promise<unknown>;
      const call = { session, locale: pickLanguage(request.locale), source: request.source, setupToken: request.setupToken };
      return { ok: true, data: await handler(parsed.data, call as ConsoleCall<ConsoleMethod>) };
    } catch (e) {
      // Every refusal of access leaves a line in the group's log, whichever rule refused it (the
      // role table here, or a handler's own check), written after the handler's transaction rolled back.
      if (e instanceof DeskError && e.code === 'forbidden') {
        await recordGroupAudit(db, now(), {
          actor: session?.user ?? null,
          action: 'access.denied',
          target: targetOf(input),
          after: { method: method.slice(0, 100), reason: e.ref.key.split(/[.:]/).at(-1) ?? e.ref.key },
          source: request.source,
        }).catch((auditError: unknown) => log(`the refusal of ${method.slice(0, 100)} could not be recorded: ${String(auditError)}`));
      }
      if (e instanceof DeskError) return fail(e);
      if (isStoreOutage(e)) return fail(new DeskError('store_error', { key: 'console:error.unavailable' }));
      log(`console ${method.slice(0, 100)} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fail(new DeskError('internal', { key: 'console:error.internal' }));
    }
  };
}

export type ConsoleDispatch = ReturnType<typeof createConsoleDispatcher>;
