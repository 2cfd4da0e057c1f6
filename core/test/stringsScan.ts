import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../backup/dataFiles.ts';

/**
 * What `strings` prints of every file under `target` (a file or a folder): what anyone who copies
 * those files can read without the desk. `skip` leaves out files by their path under the folder.
 */
export function stringsOf(target: string, skip: (relative: string) => boolean = () => false): string {
  const files = fs.statSync(target).isDirectory()
    ? filesUnder(target)
        .filter((f) => !skip(f))
        .map((f) => path.join(target, f))
    : [target];
  return files.map((f) => execFileSync('strings', ['-n', '6', f], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).join('\n');
}

/** The `secrets` that `strings` finds under `target`, in their order. */
export function secretsFound(target: string, secrets: readonly string[], skip?: (relative: string) => boolean): string[] {
  const text = stringsOf(target, skip);
  return secrets.filter((s) => text.includes(s));
}
