import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import builderConfig from '../../electron-builder.json' with { type: 'json' };

// Typed here so that `npm run typecheck` holds the fuses to electron-builder's own names for them.
const fuses: Configuration['electronFuses'] = builderConfig.electronFuses;

/**
 * The shipped binary is the desk and nothing else: it cannot be run as a plain Node.js (which
 * would read the store with the user's rights and no access rules), take code from NODE_OPTIONS
 * or a debugger flag, or load an app other than its own checked archive.
 */
describe('the packaged app', () => {
  it('flips every Electron fuse that would let the binary run other code', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // The asar integrity fuse means something only if the app is an archive whose hash is embedded.
    expect((builderConfig as { asar?: boolean }).asar ?? true).toBe(true);
  });
});
