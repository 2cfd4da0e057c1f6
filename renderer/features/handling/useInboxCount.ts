import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';
import { inboxQuery } from './queries.ts';

/**
 * How many cases wait for this user (newly assigned, approvals, overdue, escalations), read
 * again whenever the page changes: the navigation shows it beside 我的待办. A failed read leaves
 * the badge off; the inbox page itself says what went wrong. Nothing is asked until `ready`.
 */
export function useInboxCount(pathname: string, ready: boolean): number {
  const { user } = useSession();
  // An administrator has no inbox: asking would be refused, and every refusal is audited.
  const hasInbox = mayCall(user.roles, 'cases.inbox');
  const inbox = useQuery({ ...inboxQuery(), enabled: hasInbox && ready });
  const { refetch } = inbox;
  const readOn = useRef(pathname);
  useEffect(() => {
    // The first read is the query's own; each later page reads it again.
    if (readOn.current === pathname) return;
    readOn.current = pathname;
    if (hasInbox && ready) void refetch();
  }, [pathname, hasInbox, ready, refetch]);
  const i = inbox.data;
  return i ? i.assigned.length + i.approvals.length + i.overdue.length + i.escalated.length + i.conflicts.length : 0;
}
