import type { SetupToken } from '../../core/http/requestGuard.ts';
import type { RouteContext } from '../routes/context.ts';

/** What a console handler may use: the store, the clock, the log, and the setup token this process printed. */
export interface ConsoleContext extends RouteContext {
  /** Printed on start while the group has no administrator; `setup.init` needs it and spends it. */
  setupToken: SetupToken;
}
