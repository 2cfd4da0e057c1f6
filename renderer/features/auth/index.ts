export { LockScreen } from './LockScreen.tsx';
export { LoginPage } from './LoginPage.tsx';
export { useIdleLock } from './useIdleLock.ts';
