import { type DeskMethod, type DeskOutput, type DeskParsedInput, deskMethods, isDeskMethod } from '../domain/api/deskApi.ts';
import type { CallContext, DeskErrorBody, Envelope } from '../domain/api/envelope.ts';
import type { Session, Sessions } from './auth/sessions.ts';
import { storageProblemOf } from './backup/storageErrors.ts';
import { DeskError } from './deskError.ts';
import { translatorFor } from './translate.ts';
import { fieldErrorsOf } from './validation.ts';

type SessionOf<M extends DeskMethod> = (typeof deskMethods)[M]['session'] extends true ? Session : Session | null;

export interface HandlerCall<M extends DeskMethod> {
  session: SessionOf<M>;
  locale: string | undefined;
}

export type Handlers = {
  [M in DeskMethod]: (input: DeskParsedInput<M>, call: HandlerCall<M>) => Promise<DeskOutput<M>>;
};

export type Dispatch = (method: string, input: unknown, context: CallContext) => Promise<Envelope<unknown>>;

/**
 * The one way into the core, shared by every transport: validate the input, resolve the
 * session, run the handler, and always answer an envelope. Unexpected failures are logged and
 * answered as `internal` without their details.
 */
export function createDispatcher(handlers: Handlers, sessions: Sessions, log: (e: unknown) => void): Dispatch {
  return async (method, input, context) => {
    const t = translatorFor(context.locale);
    const fail = (e: DeskError): Envelope<never> => {
      const error: DeskErrorBody = { code: e.code, message: t(e.ref.key, e.ref.values ?? {}) };
      if (e.fieldRefs) {
        error.fields = Object.fromEntries(Object.entries(e.fieldRefs).map(([field, ref]) => [field, t(ref.key, ref.values ?? {})]));
      }
      return { ok: false, error };
    };
    try {
      if (!isDeskMethod(method)) throw new DeskError('unknown_method', { key: 'unknownMethod', values: { method } });
      const spec = deskMethods[method];
      const session = sessions.resolve(context.token);
      if (spec.session && !session) throw new DeskError('unauthenticated', { key: 'unauthenticated' });
      const parsed = spec.input.safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) throw new DeskError('invalid_input', { key: 'invalidInput' }, fieldErrorsOf(parsed.error));
      const handler = handlers[method] as (i: unknown, c: HandlerCall<DeskMethod>) => Promise<unknown>;
      const data = await handler(parsed.data, { session, locale: context.locale } as HandlerCall<DeskMethod>);
      return { ok: true, data };
    } catch (e) {
      if (e instanceof DeskError) return fail(e);
      log(e);
      // A full disk, a read-only folder or a locked file is said as such; the transaction wrote nothing.
      const problem = storageProblemOf(e);
      if (problem) return fail(new DeskError('store_error', { key: `backup:store.${problem}` }));
      return fail(new DeskError('internal', { key: 'internal' }));
    }
  };
}
