import { safeStorage } from 'electron';
import type { HostKeyring } from '../core/keys/hostKeyring.ts';
import { hostKeySource } from '../core/keys/hostKeySource.ts';

/**
 * The desk's data key wrapped by the operating system's keystore (DPAPI on Windows, the
 * keychain on macOS, the secret service on Linux): only this user on this PC unwraps it.
 * Where no keystore is available (a Linux session without one, where Electron would fall back
 * to a fixed password), the key file beside the data folder is used instead, as in the browser host.
 */
export function desktopKeyring(dataDir: string): HostKeyring {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) return hostKeySource(dataDir, undefined, process.env).keyring;
  return {
    kind: 'safeStorage',
    wrap: (dataKey) => safeStorage.encryptString(dataKey.toString('base64')).toString('base64'),
    unwrap: (wrapped) => {
      try {
        return Buffer.from(safeStorage.decryptString(Buffer.from(wrapped, 'base64')), 'base64');
      } catch {
        return null;
      }
    },
  };
}
