import { type ComponentType, lazy, useState } from 'react';
import { matchPath } from 'react-router-dom';
import { mayCall, mayChangeSettings } from '../../domain/access/permissions.ts';
import type { DeskMethod } from '../../domain/api/deskApi.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import type { SettingsSection } from '../../domain/settings/deskSettings.ts';
import { caseListQuery } from '../features/cases/queries.ts';
import { boardListInput, boardQuery, browseQuery } from '../features/handling/queries.ts';
import { settingsQuery } from '../features/settings/queries.ts';
import { queryClient } from '../shared/api/queries.ts';
import { prefetchDirectory } from '../shared/directory.ts';

/**
 * Every page behind the sign-in, in menu order: its path, the module that draws it, its menu
 * entry, and who may see it. A page's code is loaded when it is first opened, so the desk's
 * first paint does not wait for the charts, pdf.js or the administration pages.
 */
/** A method the page calls, or a section of the settings it changes. */
type Need = DeskMethod | { settings: SettingsSection };

/** A page whose module can be asked for before it is drawn. */
type LazyPage = ComponentType & { preload: () => Promise<unknown> };

export interface DeskRoute {
  path: string;
  page: LazyPage;
  /** The navigation entry's translation key; pages reached from another page have none. */
  menu?: string;
  /** The methods (or settings sections) behind the page, any one of which lets a user see it; none: every signed-in user. */
  needs?: Need | readonly Need[];
  /**
   * Asks for what the page shows first, for the address's parameters, into the query cache: after
   * a reload the answers are on their way while the shell renders. Only for addresses whose
   * queries the page would ask for exactly so; anything else is left to the page.
   */
  prefetch?: (params: URLSearchParams) => void;
}

/**
 * A page module loaded on first use; `pick` names the component the module exports. `preload`
 * starts the same load earlier (one load, whoever asks first).
 */
function lazyPage<M, P extends object = object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  let loading: Promise<M> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () => {
    // A load that failed (the host restarted) is tried again by the next one who asks.
    loading ??= load().then(
      (module) => {
        loaded ??= pick(module);
        return module;
      },
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => {
    await preload();
    return { default: loaded as ComponentType<P> };
  });
  // A page whose code has come (after a reload, during the session check) is drawn at once. Through
  // lazy() it would suspend once all the same, and React holds back what follows a fallback for up
  // to 300 ms, which after a reload was most of the wait for the first page. Chosen once per mount:
  // switching from the lazy one to the loaded one would remount the page and lose what it holds.
  const Page = (props: P) => {
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  };
  return Object.assign(Page, { preload });
}

// The screens before sign-in, seen once in a desk's life (first run) or never (recovery): loaded only when shown.
export const SetupWizard = lazyPage(
  () => import('../features/setup/SetupWizard.tsx'),
  (m) => m.SetupWizard,
);
export const RecoveryPage = lazyPage(
  () => import('../features/backup/RecoveryPage.tsx'),
  (m) => m.RecoveryPage,
);
export const FreshStartLink = lazyPage(
  () => import('../features/backup/RecoveryPage.tsx'),
  (m) => m.FreshStartLink,
);

export const routes: readonly DeskRoute[] = [
  {
    path: '/register',
    menu: 'nav.register',
    needs: 'cases.register',
    page: lazyPage(
      () => import('../features/registration/RegisterPage.tsx'),
      (m) => m.RegisterPage,
    ),
  },
  {
    path: '/board',
    menu: 'handling:nav.board',
    needs: 'cases.board',
    prefetch: (params) => {
      if (params.get('view') === 'list') void queryClient.prefetchInfiniteQuery(browseQuery(boardListInput));
      else if (params.size === 0) void queryClient.prefetchQuery(boardQuery({}));
      prefetchDirectory();
    },
    page: lazyPage(
      () => import('../features/handling/BoardPage.tsx'),
      (m) => m.BoardPage,
    ),
  },
  {
    path: '/inbox',
    menu: 'handling:nav.inbox',
    needs: 'cases.inbox',
    page: lazyPage(
      () => import('../features/handling/InboxPage.tsx'),
      (m) => m.InboxPage,
    ),
  },
  {
    path: '/follow-ups',
    menu: 'handling:nav.followUps',
    needs: 'cases.inquire',
    page: lazyPage(
      () => import('../features/handling/FollowUpsPage.tsx'),
      (m) => m.FollowUpsPage,
    ),
  },
  {
    path: '/inquiry',
    menu: 'handling:nav.inquiry',
    needs: 'cases.inquire',
    page: lazyPage(
      () => import('../features/handling/InquiryPage.tsx'),
      (m) => m.InquiryPage,
    ),
  },
  {
    path: '/cases',
    menu: 'nav.cases',
    needs: 'cases.list',
    // Filters from the address are the page's to read; the whole list is what a reload usually shows.
    // (Its settings come with the session.)
    prefetch: (params) => {
      if (params.size === 0) void queryClient.prefetchInfiniteQuery(caseListQuery({}));
    },
    page: lazyPage(
      () => import('../features/cases/CaseListPage.tsx'),
      (m) => m.CaseListPage,
    ),
  },
  {
    path: '/cases/:id',
    needs: 'cases.get',
    page: lazyPage(
      () => import('../features/cases/CasePage.tsx'),
      (m) => m.CasePage,
    ),
  },
  {
    path: '/reports',
    menu: 'nav.reports',
    needs: 'reports.summary',
    page: lazyPage(
      () => import('../features/reports/DashboardPage.tsx'),
      (m) => m.DashboardPage,
    ),
  },
  {
    path: '/reports/analysis',
    needs: 'reports.analysis',
    page: lazyPage(
      () => import('../features/reports/AnalysisPage.tsx'),
      (m) => m.AnalysisPage,
    ),
  },
  {
    path: '/reports/performance',
    needs: 'reports.performance',
    page: lazyPage(
      () => import('../features/reports/PerformancePage.tsx'),
      (m) => m.PerformancePage,
    ),
  },
  {
    path: '/reports/actions',
    needs: 'correctiveActions.list',
    page: lazyPage(
      () => import('../features/reports/CorrectiveActionsPage.tsx'),
      (m) => m.CorrectiveActionsPage,
    ),
  },
  {
    path: '/backup',
    menu: 'backup:nav',
    needs: 'backup.configure',
    page: lazyPage(
      () => import('../features/backup/BackupPage.tsx'),
      (m) => m.BackupPage,
    ),
  },
  {
    path: '/seals',
    menu: 'privacy:seals.nav',
    needs: 'seals.overview',
    page: lazyPage(
      () => import('../features/seals/SealingPage.tsx'),
      (m) => m.SealingPage,
    ),
  },
  {
    path: '/retention',
    menu: 'privacy:retention.nav',
    needs: 'retention.get',
    page: lazyPage(
      () => import('../features/retention/RetentionPage.tsx'),
      (m) => m.RetentionPage,
    ),
  },
  {
    path: '/privacy/person',
    menu: 'privacy:person.nav',
    needs: 'privacy.find',
    page: lazyPage(
      () => import('../features/retention/PersonPage.tsx'),
      (m) => m.PersonPage,
    ),
  },
  {
    path: '/sync',
    menu: 'sync:nav',
    needs: 'sync.configure',
    page: lazyPage(
      () => import('../features/sync/SyncPage.tsx'),
      (m) => m.SyncPage,
    ),
  },
  {
    path: '/backup/restore',
    needs: 'backup.restore',
    page: lazyPage(
      () => import('../features/backup/RestorePage.tsx'),
      (m) => m.RestorePage,
    ),
  },
  {
    // Administrators set deadlines and the calendar; supervisors the review window on the same page.
    path: '/settings/deadlines',
    menu: 'nav.deadlineSettings',
    needs: ['policies.update', { settings: 'cases' }],
    page: lazyPage(
      () => import('../features/settings/deadlines/DeadlineSettingsPage.tsx'),
      (m) => m.DeadlineSettingsPage,
    ),
  },
  {
    path: '/admin/settings',
    menu: 'access:nav.settings',
    needs: { settings: 'desk' },
    page: lazyPage(
      () => import('../features/settings/SettingsPage.tsx'),
      (m) => m.SettingsPage,
    ),
  },
  {
    path: '/admin/departments',
    menu: 'access:nav.departments',
    needs: 'departments.create',
    page: lazyPage(
      () => import('../features/admin/ReferenceAdminPage.tsx'),
      ({ ReferenceAdminPage }) =>
        () => <ReferenceAdminPage kind="departments" />,
    ),
  },
  {
    path: '/admin/categories',
    menu: 'access:nav.categories',
    needs: 'categories.create',
    page: lazyPage(
      () => import('../features/admin/ReferenceAdminPage.tsx'),
      ({ ReferenceAdminPage }) =>
        () => <ReferenceAdminPage kind="categories" />,
    ),
  },
  {
    path: '/admin/users',
    menu: 'access:nav.users',
    needs: 'users.list',
    page: lazyPage(
      () => import('../features/admin/UsersAdminPage.tsx'),
      (m) => m.UsersAdminPage,
    ),
  },
  {
    path: '/admin/audit',
    menu: 'access:nav.audit',
    needs: 'audit.list',
    page: lazyPage(
      () => import('../features/admin/AuditPage.tsx'),
      (m) => m.AuditPage,
    ),
  },
  {
    path: '/account',
    menu: 'access:nav.account',
    page: lazyPage(
      () => import('../features/auth/AccountPage.tsx'),
      (m) => m.AccountPage,
    ),
  },
];

/**
 * Starts loading the code of the page an address shows (`#/board?view=list`), so that after a
 * reload it arrives while the session is checked instead of after it. An address of no page
 * loads nothing (the user's home page is known only once signed in).
 */
export function preloadPageOf(hash: string): void {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  void routes
    .find((r) => matchPath(r.path, path))
    ?.page.preload()
    .catch(() => undefined);
}

/** Starts the queries of the page an address shows (see `DeskRoute.prefetch`), if the user may see it. */
export function prefetchDataOf(hash: string, user: Pick<SessionUser, 'roles'>): void {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const route = routes.find((r) => matchPath(r.path, path));
  if (route?.prefetch && maySee(user, route.needs)) route.prefetch(new URLSearchParams(search));
}

/** The desk's settings through the cache: the shell reads its idle lock from them, and the case list shows them too. */
export function prefetchSettings() {
  return queryClient.fetchQuery(settingsQuery());
}

/** The matrix decides what a role may call; a page is shown to whoever may call a method behind it. */
export function maySee(user: Pick<SessionUser, 'roles'>, needs: DeskRoute['needs']): boolean {
  if (needs === undefined) return true;
  const list: readonly Need[] = typeof needs === 'string' || !Array.isArray(needs) ? [needs as Need] : needs;
  return list.some((n) => (typeof n === 'string' ? mayCall(user.roles, n) : mayChangeSettings(user.roles, n.settings)));
}

/**
 * Where a user lands after signing in, where their work is: a receptionist at the registration
 * form, a supervisor, handler or director at their inbox (approvals, their cases, escalations),
 * an administrator at the settings.
 */
export function homePathOf(user: SessionUser): string {
  if (user.roles.includes('receptionist') && mayCall(user.roles, 'cases.register')) return '/register';
  if (mayCall(user.roles, 'cases.inbox')) return '/inbox';
  if (mayCall(user.roles, 'cases.register')) return '/register';
  if (mayChangeSettings(user.roles, 'desk')) return '/admin/settings';
  return '/account';
}
