import { describe, expect, it } from 'vitest';
import { createSessions } from '../auth/sessions.ts';
import { storageProblemOf } from '../backup/storageErrors.ts';
import { createDispatcher, type Handlers } from '../dispatcher.ts';

const failing = (code: string) => Object.assign(new Error(code), { code });

describe('storage problems', () => {
  it.each([
    ['ENOSPC', 'diskFull'],
    ['SQLITE_FULL', 'diskFull'],
    ['EROFS', 'readOnly'],
    ['EACCES', 'readOnly'],
    ['SQLITE_READONLY_DBMOVED', 'readOnly'],
    ['ENOENT', 'folderMissing'],
    ['EBUSY', 'locked'],
    ['SQLITE_BUSY', 'locked'],
    ['SQLITE_CORRUPT', 'damaged'],
    ['SQLITE_NOTADB', 'damaged'],
    ['EIO', 'ioError'],
    ['SQLITE_IOERR_WRITE', 'ioError'],
    ['SQLITE_CONSTRAINT_UNIQUE', null],
  ])('%s is %s', (code, problem) => {
    expect(storageProblemOf(failing(code))).toBe(problem);
  });

  it('answers a full disk during a call with a clear message instead of "internal"', async () => {
    const handlers = { 'setup.status': async () => Promise.reject(failing('SQLITE_FULL')) } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, createSessions({ idleMs: 1000, now: Date.now }), () => {});
    expect(await dispatch('setup.status', {}, { locale: 'en' })).toEqual({
      ok: false,
      error: {
        code: 'store_error',
        message: "The disk holding the desk's data is full, so nothing was saved. Free some space and try again.",
      },
    });
  });
});
