import {
  clearGroupPolicy,
  createGroupCategory,
  importGroupCalendar,
  listGroupCategories,
  listGroupPolicies,
  previewGroupCalendar,
  readGroupCalendar,
  renameGroupCategory,
  setGroupCategoryDisabled,
  setGroupPolicy,
} from '../../rules/groupRules.ts';
import type { RulesActor } from '../../rules/rulesAudit.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers, ConsoleSession } from '../consoleTypes.ts';

type RulesHandlers = Pick<ConsoleHandlers, Extract<keyof ConsoleHandlers, `rules.${string}`>>;

/**
 * What the group keeps the same in every site: next year's calendar (checked, shown, then
 * imported), the category tree and each profile's deadline policies. Each change reaches every
 * site's stream in its own transaction and is audited before and after (server/rules).
 */
export function rulesHandlers(ctx: ConsoleContext): RulesHandlers {
  const store = { db: ctx.db, dialect: ctx.dialect, now: ctx.now };
  // Every rules method needs a session, so each call's is a signed-in group administrator's.
  type Signed = { session: ConsoleSession; source: string };
  const actor = (call: Signed): RulesActor => ({ user: call.session.user, source: call.source });
  const logged =
    <T extends { sites: number }>(what: string, call: Signed) =>
    (done: T) => {
      ctx.log(`group rules: ${what} by ${call.session.user.username}, ${done.sites} sites`);
      return done;
    };
  return {
    'rules.calendar.get': async () => ({ years: await readGroupCalendar(ctx.db) }),
    'rules.calendar.preview': async (input) => previewGroupCalendar(ctx.db, input.content),
    'rules.calendar.import': async (input, call) =>
      importGroupCalendar(store, actor(call), input.content).then(logged('calendar imported', call)),
    'rules.categories.list': async () => ({ items: await listGroupCategories(ctx.db) }),
    'rules.categories.create': async (input, call) => createGroupCategory(store, actor(call), input),
    'rules.categories.update': async (input, call) => renameGroupCategory(store, actor(call), input),
    'rules.categories.disable': async (input, call) => setGroupCategoryDisabled(store, actor(call), { id: input.id, disabled: true }),
    'rules.categories.enable': async (input, call) => setGroupCategoryDisabled(store, actor(call), { id: input.id, disabled: false }),
    'rules.policies.list': async () => ({ items: await listGroupPolicies(ctx.db) }),
    'rules.policies.set': async (input, call) => setGroupPolicy(store, actor(call), input),
    'rules.policies.clear': async (input, call) => clearGroupPolicy(store, actor(call), input),
  };
}
