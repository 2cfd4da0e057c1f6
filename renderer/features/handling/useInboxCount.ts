import { useEffect, useState } from 'react';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';

/**
 * How many cases wait for this user (newly assigned, approvals, overdue, escalations), read
 * again whenever the page changes: the navigation shows it beside 我的待办.
 */
export function useInboxCount(pathname: string): number {
  const { client, user } = useSession();
  // An administrator has no inbox: asking would be refused, and every refusal is audited.
  const hasInbox = mayCall(user.roles, 'cases.inbox');
  const [count, setCount] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read on every page change
  useEffect(() => {
    let live = true;
    if (!hasInbox) return;
    client
      .call('cases.inbox', {})
      .then((inbox) => {
        if (live) setCount(inbox.assigned.length + inbox.approvals.length + inbox.overdue.length + inbox.escalated.length);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, pathname, hasInbox]);
  return count;
}
