import { DeskError, type MessageRef } from '../deskError.ts';

/**
 * What went wrong with a disk, in words a receptionist can act on. Node reports file-system
 * failures by `errno` code (ENOSPC…), SQLite by result code (SQLITE_FULL…); both mean the same
 * few things at a desk: the disk is full, the folder cannot be written, the USB drive is gone,
 * another program holds the file, or the file is damaged.
 */
export type StorageProblem = 'diskFull' | 'readOnly' | 'folderMissing' | 'locked' | 'damaged' | 'ioError';

export function storageProblemOf(e: unknown): StorageProblem | null {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'diskFull';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY')) return 'readOnly';
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO') return 'folderMissing';
  if (code === 'EBUSY' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'ioError';
  return null;
}

/** The message for a problem with a place: `backup:storage.<problem>` names the folder or file. */
export function storageMessage(problem: StorageProblem, place: string): MessageRef {
  return { key: `backup:storage.${problem}`, values: { path: place } };
}

/** Rethrows a disk failure as a DeskError the caller can read; anything else unchanged. */
export function asStorageError(e: unknown, place: string): unknown {
  if (e instanceof DeskError) return e;
  const problem = storageProblemOf(e);
  return problem ? new DeskError('store_error', storageMessage(problem, place)) : e;
}
