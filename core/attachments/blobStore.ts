import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder, renameDurably } from '../backup/dataFiles.ts';
import { seal, subKey, unseal } from '../keys/sealing.ts';

/** The first bytes of an encrypted evidence file; a file without them is a plain one from before encryption. */
const sealedMagic = Buffer.from('CDESK-E1', 'latin1');

const blobRoot = (dataDir: string) => path.join(dataDir, 'attachments');

/** Writes atomically: temporary file, fsync, rename, fsync of the folder. */
function writeAtomically(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  renameDurably(temp, file);
}

/** Magic, GCM's iv and tag around the content. */
const sealedOverhead = sealedMagic.length + 12 + 16;

const isSealed = (bytes: Buffer) => bytes.length >= sealedMagic.length && bytes.subarray(0, sealedMagic.length).equals(sealedMagic);

/**
 * Evidence files in the data directory, named by the SHA-256 of their content
 * (`attachments/ab/abcdef…`): the same photo attached twice is stored once, and a file's name
 * says what its content must hash to, so damage is detectable. Original names live in the
 * case's events. On an encrypted desk every file is sealed (AES-256-GCM under a key derived
 * from the data key), so a copied folder or a backup shows no photo or letter.
 */
export function createBlobStore(dataDir: string, dataKey: Buffer | null) {
  const root = blobRoot(dataDir);
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  const key = dataKey ? subKey(dataKey, 'evidence') : null;
  return {
    /** Stores the bytes unless already stored; answers the SHA-256 of the content. */
    put(bytes: Buffer): string {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      if (fs.existsSync(file)) return sha256;
      writeAtomically(file, key ? Buffer.concat([sealedMagic, seal(key, bytes)]) : bytes);
      return sha256;
    },
    /** The size of the stored content (not of its sealed file), or null when no such file is stored. */
    sizeOf(sha256: string): number | null {
      try {
        const file = fileOf(sha256);
        const size = fs.statSync(file).size;
        const head = Buffer.alloc(sealedMagic.length);
        const fd = fs.openSync(file, 'r');
        try {
          fs.readSync(fd, head, 0, head.length, 0);
        } finally {
          fs.closeSync(fd);
        }
        return isSealed(head) ? size - sealedOverhead : size;
      } catch {
        return null;
      }
    },
    /**
     * Every stored file with its stored size and the time it was last stored or checked (its
     * modification time, which `touch` sets); leftovers of an interrupted write are listed too.
     */
    stored(): { sha256: string; bytes: number; at: number }[] {
      if (!fs.existsSync(root)) return [];
      return filesUnder(root).map((rel) => {
        const stat = fs.statSync(path.join(root, ...rel.split('/')));
        return { sha256: rel.split('/').at(-1) ?? rel, bytes: stat.size, at: stat.mtimeMs };
      });
    },
    /** Marks a file as stored or checked at `at`: an upload just made or about to be attached. */
    touch(sha256: string, at: Date): void {
      try {
        fs.utimesSync(fileOf(sha256), at, at);
      } catch {
        // Not stored: whoever names it is told so by sizeOf.
      }
    },
    /** Removes a stored file (or a leftover named as `stored` lists it). */
    remove(sha256: string): void {
      fs.rmSync(path.join(root, sha256.slice(0, 2), sha256), { force: true });
    },
    read(sha256: string): Buffer {
      const stored = fs.readFileSync(fileOf(sha256));
      if (!isSealed(stored)) return stored;
      const opened = key ? unseal(key, stored.subarray(sealedMagic.length)) : null;
      if (!opened)
        throw Object.assign(new Error(`evidence file ${sha256} cannot be decrypted with this desk's key`), { code: 'SQLITE_CORRUPT' });
      return opened;
    },
  };
}

/**
 * Seals every plain evidence file in place (each one atomically, so a crash half-way leaves
 * some sealed and the rest plain, and the next start carries on). Answers how many it sealed.
 */
export function sealPlainBlobs(dataDir: string, dataKey: Buffer): number {
  const root = blobRoot(dataDir);
  if (!fs.existsSync(root)) return 0;
  const key = subKey(dataKey, 'evidence');
  let sealed = 0;
  for (const rel of filesUnder(root)) {
    if (rel.endsWith('.tmp')) continue;
    const file = path.join(root, ...rel.split('/'));
    const bytes = fs.readFileSync(file);
    if (isSealed(bytes)) continue;
    writeAtomically(file, Buffer.concat([sealedMagic, seal(key, bytes)]));
    sealed++;
  }
  return sealed;
}

export type BlobStore = ReturnType<typeof createBlobStore>;
