import type { DeskOutput } from '../../domain/api/deskApi.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import { roles as allRoles } from '../../domain/cases/vocabulary.ts';
import { storeCheckQuery } from '../features/backup/index.ts';
import { client } from '../shared/api/client.ts';
import { queryClient } from '../shared/api/queries.ts';
import { prefetchDataOf, prefetchSettings, preloadPageOf } from './routes.tsx';

/** What a desk must know before it shows anything: can the store be read, is it set up, who is signed in. */
export interface SessionCheck {
  health: DeskOutput<'desk.health'>;
  /** Null when the question failed: the app says the desk is unreachable. */
  status: DeskOutput<'setup.status'> | null;
  /** Null when no one is signed in in this tab, or the session has ended. */
  me: DeskOutput<'auth.me'> | null;
}

/** Beside the session's token, for the tab's life: the roles of the user the tab last showed. */
const shownRolesKey = 'desk.shownRoles';

/**
 * Starts a reload's questions before React renders its first frame, each round trip at once: the
 * page's code, the three questions, and the page's own data with the desk's settings. The data
 * are asked for the user this tab showed last, whose roles decide as they would on the page; the
 * core decides again, and what it refuses is dropped when someone else signs in. The answers are
 * read in order by the app; this only asks early.
 */
export function startSessionCheck(): Promise<SessionCheck> {
  const hash = window.location.hash;
  preloadPageOf(hash);
  const signedIn = client.token !== null;
  const me = signedIn ? client.call('auth.me', {}).catch(() => null) : Promise.resolve(null);
  const shown = signedIn ? shownRoles() : null;
  if (shown) {
    prefetchDataOf(hash, { roles: shown });
    void prefetchSettings().catch(() => undefined);
  }
  const health = client.call('desk.health', {});
  // The top bar's store check reads the same answer, not a second round trip.
  void health.then(
    (answer) => queryClient.setQueryData(storeCheckQuery().queryKey, answer),
    () => undefined,
  );
  return Promise.all([health, client.call('setup.status', {}).catch(() => null), me]).then(([answer, status, user]) => ({
    health: answer,
    status,
    me: user,
  }));
}

/** Kept when a user is shown the app, dropped at sign-out: what the next reload asks for early. */
export function rememberShownUser(user: SessionUser | null): void {
  if (user) sessionStorage.setItem(shownRolesKey, JSON.stringify(user.roles));
  else sessionStorage.removeItem(shownRolesKey);
}

function shownRoles(): SessionUser['roles'] | null {
  try {
    const kept: unknown = JSON.parse(sessionStorage.getItem(shownRolesKey) ?? 'null');
    return Array.isArray(kept) ? allRoles.filter((r) => kept.includes(r)) : null;
  } catch {
    return null;
  }
}
