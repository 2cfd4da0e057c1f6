import { joinMethodMaps } from '../../core/handlerMaps.ts';
import { consoleMethods } from '../../domain/console/consoleApi.ts';
import { accountHandlers } from './access/accountHandlers.ts';
import { auditHandlers } from './access/auditHandlers.ts';
import { authHandlers } from './access/authHandlers.ts';
import { setupHandlers } from './access/setupHandlers.ts';
import type { ConsoleContext } from './consoleContext.ts';
import type { ConsoleHandlers } from './consoleTypes.ts';
import { rulesHandlers } from './rules/rulesHandlers.ts';
import { deskHandlers } from './sites/deskHandlers.ts';
import { siteHandlers } from './sites/siteHandlers.ts';

/**
 * Every console method's handler: one map a method namespace, each from its area's folder
 * (server/console/<area>/). A method without a handler, or with two, stops the server from
 * starting (core/handlerMaps.ts). Each area adds its line here.
 */
export function consoleHandlers(ctx: ConsoleContext): ConsoleHandlers {
  return joinMethodMaps<ConsoleHandlers>(
    [
      { prefix: 'setup', handlers: setupHandlers(ctx) },
      { prefix: 'auth', handlers: authHandlers(ctx) },
      { prefix: 'accounts', handlers: accountHandlers(ctx) },
      { prefix: 'audit', handlers: auditHandlers(ctx) },
      { prefix: 'sites', handlers: siteHandlers(ctx) },
      { prefix: 'desks', handlers: deskHandlers(ctx) },
      { prefix: 'rules', handlers: rulesHandlers(ctx) },
    ],
    consoleMethods,
  );
}
