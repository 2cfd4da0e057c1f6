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

/** Where a role lands after signing in: its first page. */
export function homePathOf(role: GroupRole): string {
  return consoleRoutes.find((r) => r.menu && mayOpen(role, r))?.path ?? '/welcome';
}
