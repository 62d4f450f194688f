// A CommonJS bundle run from V8's code cache: Node 20 compiles every module it loads afresh on
// each start (its compile cache came in 22), which is about half the time of a piped `read`. The
// bundle is compiled through node:vm with the bytes V8 made the last time (the functions that
// run compiled too), kept in blog-tui's cache folder per build of the bundle, version of V8 and
// kind of run. V8 checks the bytes against the source and its own version and flags, and
// compiles afresh when they do not fit; they are only read from a folder and file of this user
// that nobody else can write, as the rest of the cache is.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDir } from '../content/cacheFiles.js';
import { untrustedReason } from '../state/boundedRead.js';
import { writeFileAtomicSync } from '../state/atomicFile.js';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** Keeps what V8 compiled so far for the next start, for each file of the bundle not compiled from the cache; call after the work. */
  saveCache(): void;
}

/** The cache file of `file` for runs of `kind`, or undefined when the cache folder cannot be trusted. */
export function codeCacheFile(file: string, kind: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = cacheDir(env);
  const dir = join(root, 'code');
  if (untrustedReason(root) ?? untrustedReason(dir)) return undefined;
  const { size, mtimeMs } = statSync(file);
  return join(dir, `${kindPrefix(file, kind)}${process.versions.v8}-${size}-${Math.trunc(mtimeMs)}.bin`);
}

/** How the names of `file`'s caches for runs of `kind` begin, and no other kind's (`plain` is not the start of `plain-folder`'s). */
function kindPrefix(file: string, kind: string): string {
  return `${basename(file)}-${kind}--`;
}

interface LoadedFile {
  exports: unknown;
  save(): void;
}

function loadFile(file: string, kind: string, env: NodeJS.ProcessEnv, files: Map<string, LoadedFile>): unknown {
  const known = files.get(file);
  if (known) return known.exports;
  const source = readFileSync(file, 'utf8');
  const cacheFile = codeCacheFile(file, kind, env);
  let cachedData: Buffer | undefined;
  if (cacheFile && untrustedReason(cacheFile) === undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // Not made yet.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown };
  const entry: LoadedFile = {
    get exports() {
      return module.exports;
    },
    save() {
      if (cached || !cacheFile) return;
      try {
        const dir = dirname(cacheFile);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        // The caches of other builds of this file (for this kind of run) are of no more use.
        const prefix = kindPrefix(file, kind);
        for (const name of readdirSync(dir)) {
          if (name.startsWith(prefix) && name !== basename(cacheFile)) unlinkSync(join(dir, name));
        }
        // Durable: V8 may take a cache whose header fits without checking every byte of it, so a
        // file torn by a crash must not be possible. (It is written once per build and kind.)
        writeFileAtomicSync(cacheFile, script.createCachedData());
      } catch {
        // A cache that cannot be written only costs the next start its compile time.
      }
    },
  };
  files.set(file, entry);
  // The bundle's own files (./lib/NAME.cjs, libraries a few posts need) load the same way.
  const nodeRequire = createRequire(file);
  const require = (id: string) => (id.startsWith('./') && id.endsWith('.cjs') ? loadFile(join(dirname(file), id), kind, env, files) : nodeRequire(id));
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}

/** Runs the CommonJS bundle `file` (as require() would), from the code cache of `kind` where there is one. */
export function loadBundle(file: string, kind: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle {
  const files = new Map<string, LoadedFile>();
  const exports = loadFile(file, kind, env, files) as Record<string, unknown>;
  return {
    exports,
    saveCache() {
      for (const loaded of files.values()) loaded.save();
    },
  };
}
