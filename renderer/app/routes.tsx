import { mayCall } from '../../domain/access/permissions.ts';
import type { DeskMethod } from '../../domain/api/deskApi.ts';
import type { SessionUser } from '../../domain/api/views.ts';

/** The administration pages, each shown to whoever may call the method behind it. */
export const adminPages = [
  { to: '/admin/settings', key: 'access:nav.settings', needs: 'settings.update' },
  { to: '/admin/departments', key: 'access:nav.departments', needs: 'departments.create' },
  { to: '/admin/categories', key: 'access:nav.categories', needs: 'categories.create' },
  { to: '/admin/users', key: 'access:nav.users', needs: 'users.list' },
  { to: '/admin/audit', key: 'access:nav.audit', needs: 'audit.list' },
] as const satisfies readonly { to: string; key: string; needs: DeskMethod }[];

/** Where a user lands after signing in: the first page their roles can use. */
export function homePathOf(user: SessionUser): string {
  if (mayCall(user.roles, 'cases.register')) return '/register';
  if (mayCall(user.roles, 'cases.inbox')) return '/inbox';
  if (mayCall(user.roles, 'settings.update')) return '/admin/settings';
  return '/account';
}
