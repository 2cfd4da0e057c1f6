import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Desk } from '../core/desk.ts';
import { translatorFor } from '../core/translate.ts';
import type { CallContext, Envelope } from '../domain/api/envelope.ts';

export const deskChannel = 'desk:call';

/**
 * Binds the desk to IPC. Only the app's own page may call: the sender frame's URL must be
 * the renderer the main process loaded, so an injected or navigated frame gets nothing.
 */
export function bindDeskIpc(desk: Desk, isAppUrl: (url: string) => boolean) {
  ipcMain.handle(
    deskChannel,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown, context: unknown): Promise<Envelope<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      const ctx = (typeof context === 'object' && context !== null ? context : {}) as CallContext;
      if (!isAppUrl(frameUrl) || event.senderFrame?.parent) {
        return { ok: false, error: { code: 'forbidden', message: translatorFor(ctx.locale)('foreignFrame') } };
      }
      return desk.call(String(method), input, { token: ctx.token, locale: ctx.locale });
    },
  );
}
