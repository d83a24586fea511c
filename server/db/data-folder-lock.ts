import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own and two processes on one folder corrupt it, so a lock file holds
 * the owner's pid. A lock left by a process that is gone (a crash) is taken over.
 * Returns the release function.
 */
export function lockDataFolder(dir: string): () => void {
  const path = join(dir, 'signpost.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && isRunning(owner)) {
        throw new DataFolderLockedError(
          `the data folder ${dir} is in use by process ${owner}; stop that process or set SIGNPOST_DATA_DIR to another folder`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataFolderLockedError(`could not take the lock on the data folder ${dir}`);
}
