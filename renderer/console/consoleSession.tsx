import { createContext, type ReactNode, useContext } from 'react';
import type { ConsoleSessionUser } from '../../domain/console/accessViews.ts';

interface ConsoleSessionValue {
  user: ConsoleSessionUser;
  groupName: string;
  signOut(): Promise<void>;
}

const SessionContext = createContext<ConsoleSessionValue | null>(null);

export function ConsoleSessionProvider(props: { value: ConsoleSessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={props.value}>{props.children}</SessionContext.Provider>;
}

/** The signed-in group account; only pages behind the sign-in use it. */
export function useConsoleSession(): ConsoleSessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useConsoleSession outside a signed-in page');
  return session;
}
