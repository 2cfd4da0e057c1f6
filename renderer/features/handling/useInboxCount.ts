import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';
import { inboxQuery } from './queries.ts';

/**
 * How many cases wait for this user (newly assigned, approvals, overdue, escalations), read
 * again whenever the page changes: the navigation shows it beside 我的待办. A failed read leaves
 * the badge off; the inbox page itself says what went wrong.
 */
export function useInboxCount(pathname: string): number {
  const { user } = useSession();
  // An administrator has no inbox: asking would be refused, and every refusal is audited.
  const hasInbox = mayCall(user.roles, 'cases.inbox');
  const inbox = useQuery({ ...inboxQuery(), enabled: hasInbox });
  const { refetch } = inbox;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read on every page change
  useEffect(() => {
    if (hasInbox) void refetch();
  }, [pathname, hasInbox, refetch]);
  const i = inbox.data;
  return i ? i.assigned.length + i.approvals.length + i.overdue.length + i.escalated.length + i.conflicts.length : 0;
}
