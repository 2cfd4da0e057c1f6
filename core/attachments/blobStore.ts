import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Evidence files in the data directory, named by their SHA-256 (`attachments/ab/abcdef…`):
 * the same photo attached twice is stored once, and a file's name says what its bytes must
 * hash to, so damage is detectable. Original names live in the case's events.
 */
export function createBlobStore(dataDir: string) {
  const root = path.join(dataDir, 'attachments');
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    /** Writes the bytes (atomically: temp file, fsync, rename) unless already stored; answers their hash. */
    put(bytes: Buffer): string {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      if (fs.existsSync(file)) return sha256;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      const fd = fs.openSync(temp, 'w');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
      return sha256;
    },
    /** The stored size, or null when no such file is stored. */
    sizeOf(sha256: string): number | null {
      try {
        return fs.statSync(fileOf(sha256)).size;
      } catch {
        return null;
      }
    },
    read(sha256: string): Buffer {
      return fs.readFileSync(fileOf(sha256));
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
