import { callableWhileLocked, mayCall, mayCallWith, narrowedBy } from '../domain/access/permissions.ts';
import { type DeskMethod, type DeskOutput, type DeskParsedInput, deskMethods, isDeskMethod } from '../domain/api/deskApi.ts';
import { type CallContext, type DeskErrorBody, type Envelope, localSource } from '../domain/api/envelope.ts';
import type { SessionUser } from '../domain/api/views.ts';
import { pickLanguage } from '../locales/resources.ts';
import type { Session, Sessions } from './auth/sessions.ts';
import { storageProblemOf } from './backup/storageErrors.ts';
import { AccessDenied, DeskError } from './deskError.ts';
import { translatorFor } from './translate.ts';
import { fieldErrorsOf } from './validation.ts';

type SessionOf<M extends DeskMethod> = (typeof deskMethods)[M]['session'] extends true ? Session : Session | null;

export interface HandlerCall<M extends DeskMethod> {
  session: SessionOf<M>;
  locale: string | undefined;
  /** Where the call came from (CallContext.source, or `local`). */
  source: string;
}

export type Handlers = {
  [M in DeskMethod]: (input: DeskParsedInput<M>, call: HandlerCall<M>) => Promise<DeskOutput<M>>;
};

export type Dispatch = (method: string, input: unknown, context: CallContext) => Promise<Envelope<unknown>>;

/** What the dispatcher needs of the store to enforce the permission matrix. */
export interface AccessGuard {
  /** The session's user as the store knows them now (roles may have changed); null when disabled. */
  currentUser(session: Session): Promise<SessionUser | null>;
  /** Records a refused attempt in the audit log. */
  denied(entry: { actorId: string | null; method: string; target: string | null; reason: string; source: string }): Promise<void>;
}

/** For a dispatcher without a store (recovery, tests): sessions as opened, refusals not recorded. */
export const storelessGuard: AccessGuard = { currentUser: async (session) => session.user, denied: async () => {} };

/** The record a refused call was about, when its input names one. */
function targetOf(input: unknown): string | null {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

/**
 * The one way into the core, shared by every transport: resolve the session, enforce the
 * permission matrix (domain/access) and the lock, validate the input, run the handler, and
 * always answer an envelope. Refusals of access are audited; unexpected failures are logged and
 * answered as `internal` without their details.
 */
export function createDispatcher(
  handlers: Handlers,
  sessions: Sessions,
  log: (e: unknown) => void,
  guard: AccessGuard = storelessGuard,
): Dispatch {
  return async (method, input, context) => {
    const t = translatorFor(context.locale);
    const fail = (e: DeskError): Envelope<never> => {
      const error: DeskErrorBody = { code: e.code, message: t(e.ref.key, e.ref.values ?? {}) };
      if (e.fieldRefs) {
        error.fields = Object.fromEntries(Object.entries(e.fieldRefs).map(([field, ref]) => [field, t(ref.key, ref.values ?? {})]));
      }
      return { ok: false, error };
    };
    let session: Session | null = null;
    const source = context.source ?? localSource;
    try {
      if (!isDeskMethod(method)) throw new DeskError('unknown_method', { key: 'unknownMethod', values: { method } });
      const spec = deskMethods[method];
      session = sessions.resolve(context.token);
      if (session) {
        const user = await guard.currentUser(session);
        if (user) session.user = user;
        else {
          sessions.close(session.token);
          session = null;
        }
      }
      if (spec.session && !session) throw new DeskError('unauthenticated', { key: 'unauthenticated' });
      if (session?.locked && !callableWhileLocked(method)) throw new DeskError('locked', { key: 'access:sessionLocked' });
      // Said in words (查看审计日志), not as the API method a person never sees.
      if (!mayCall(session?.user.roles ?? null, method)) {
        throw new AccessDenied({ key: 'access:denied.method', values: { what: t(`access:methods.${method}`) } }, null, 'role');
      }
      const parsed = spec.input.safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) throw new DeskError('invalid_input', { key: 'invalidInput' }, fieldErrorsOf(parsed.error));
      // A method with rows per template (print.render) or per section (settings.update) is narrowed once the input is known.
      if (!mayCallWith(session?.user.roles ?? null, method, parsed.data)) {
        const narrowing = narrowedBy(method, parsed.data);
        if (narrowing && 'sections' in narrowing) {
          const sections = narrowing.sections.join(',');
          throw new AccessDenied({ key: 'access:denied.section', values: { method, sections } }, null, `sections:${sections}`);
        }
        const template = String((parsed.data as { template?: unknown }).template);
        throw new AccessDenied({ key: 'access:denied.template', values: { method, template } }, null, `template:${template}`);
      }
      const handler = handlers[method] as (i: unknown, c: HandlerCall<DeskMethod>) => Promise<unknown>;
      // Handlers see one of the desk's languages, never the raw header: Intl throws on `*` or a made-up tag.
      const data = await handler(parsed.data, { session, locale: pickLanguage(context.locale), source } as HandlerCall<DeskMethod>);
      return { ok: true, data };
    } catch (e) {
      // Every refusal beyond the caller's role, recusal or department leaves a trace, whichever rule refused it.
      if (e instanceof DeskError && e.code === 'forbidden') {
        const target = e instanceof AccessDenied ? e.target : targetOf(input);
        // A short reason the audit page can word: the last part of the message key (`handling:refusal.notYours` → notYours).
        const reason = e instanceof AccessDenied ? e.reason : (e.ref.key.split(/[.:]/).at(-1) ?? e.ref.key);
        await guard
          .denied({ actorId: session?.user.id ?? null, method, target, reason, source })
          .catch((auditError: unknown) => log(auditError));
      }
      if (e instanceof DeskError) return fail(e);
      log(e);
      // A full disk, a read-only folder or a locked file is said as such; the transaction wrote nothing.
      const problem = storageProblemOf(e);
      if (problem) return fail(new DeskError('store_error', { key: `backup:store.${problem}` }));
      return fail(new DeskError('internal', { key: 'internal' }));
    }
  };
}
