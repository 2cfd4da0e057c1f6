import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { SessionUser } from '../../domain/api/views.ts';
import type { DeskClient } from '../shared/api/deskClient.ts';

interface DeskSession {
  client: DeskClient;
  user: SessionUser;
  orgName: string;
  signOut(): Promise<void>;
  /** Locks the screen now; `forSwitch` opens the lock screen for another user to sign in. */
  lock(forSwitch?: boolean): void;
}

const SessionContext = createContext<DeskSession | null>(null);

export function SessionProvider(props: { value: DeskSession; children: ReactNode }) {
  const value = useMemo(() => props.value, [props.value]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

/** The signed-in user and the client; only pages behind the login use it. */
export function useSession(): DeskSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
