import { type ComponentType, lazy } from 'react';
import type { ConsoleMethod } from '../../domain/console/consoleApi.ts';
import { type GroupRole, mayCallConsole } from '../../domain/console/groupRoles.ts';

/**
 * Every console page behind the sign-in, in menu order: its path, the module that draws it,
 * its menu entry, and the method that lets a role see it (the server refuses the rest anyway).
 * Each area adds its pages here; their code loads when first opened.
 */
export interface ConsoleRoute {
  path: string;
  page: ComponentType;
  /** The navigation entry's translation key; pages reached from another page have none. */
  menu?: string;
  needs: ConsoleMethod;
}

function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

export const consoleRoutes: readonly ConsoleRoute[] = [
  {
    path: '/reports',
    menu: 'consoleReports:nav.reports',
    needs: 'reports.dashboard',
    page: lazyPage(
      () => import('./features/reports/GroupDashboardPage.tsx'),
      (m) => m.GroupDashboardPage,
    ),
  },
  {
    path: '/analysis',
    menu: 'consoleReports:nav.analysis',
    needs: 'reports.analysis',
    page: lazyPage(
      () => import('./features/reports/GroupAnalysisPage.tsx'),
      (m) => m.GroupAnalysisPage,
    ),
  },
  {
    path: '/compare',
    menu: 'consoleReports:nav.compare',
    needs: 'reports.compare',
    page: lazyPage(
      () => import('./features/reports/SiteComparePage.tsx'),
      (m) => m.SiteComparePage,
    ),
  },
  {
    path: '/search',
    menu: 'consoleReports:nav.search',
    needs: 'cases.search',
    page: lazyPage(
      () => import('./features/search/GroupSearchPage.tsx'),
      (m) => m.GroupSearchPage,
    ),
  },
  {
    path: '/search/cases/:id',
    needs: 'cases.get',
    page: lazyPage(
      () => import('./features/search/GroupCasePage.tsx'),
      (m) => m.GroupCasePage,
    ),
  },
  {
    path: '/repeats',
    menu: 'consoleReports:nav.repeats',
    needs: 'complainants.repeats',
    page: lazyPage(
      () => import('./features/search/RepeatsPage.tsx'),
      (m) => m.RepeatsPage,
    ),
  },
  {
    path: '/conflicts',
    menu: 'consoleReports:nav.conflicts',
    needs: 'cases.conflicts',
    page: lazyPage(
      () => import('./features/search/ConflictsPage.tsx'),
      (m) => m.ConflictsPage,
    ),
  },
  {
    path: '/sites',
    menu: 'console:nav.sites',
    needs: 'sites.list',
    page: lazyPage(
      () => import('./features/sites/SitesPage.tsx'),
      (m) => m.SitesPage,
    ),
  },
  {
    path: '/accounts',
    menu: 'console:nav.accounts',
    needs: 'accounts.list',
    page: lazyPage(
      () => import('./features/access/AccountsPage.tsx'),
      (m) => m.AccountsPage,
    ),
  },
  {
    path: '/rules',
    menu: 'consoleRules:nav',
    needs: 'rules.calendar.get',
    page: lazyPage(
      () => import('./features/rules/RulesPage.tsx'),
      (m) => m.RulesPage,
    ),
  },
  {
    path: '/audit',
    menu: 'console:nav.audit',
    needs: 'audit.list',
    page: lazyPage(
      () => import('./features/access/AuditPage.tsx'),
      (m) => m.AuditPage,
    ),
  },
];

export const mayOpen = (role: GroupRole, route: ConsoleRoute) => mayCallConsole(role, route.needs);

/**
 * Where a role lands after signing in: a group administrator on the sites and desks it keeps
 * (on a new server, where the first site is added), everyone else on the first page they may open.
 */
export function homePathOf(role: GroupRole): string {
  if (role === 'group_admin') return '/sites';
  return consoleRoutes.find((r) => r.menu && mayOpen(role, r))?.path ?? '/welcome';
}
