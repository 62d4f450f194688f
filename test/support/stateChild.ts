// A child process for the reading-state tests, bundled to JavaScript by buildStateChild().
// The state directory comes from BLOG_TUI_STATE_DIR. Modes:
//   write <prefix> <count> <flushEvery> [goFile]  updates <prefix>-0..<count-1>, flushing every
//                                                 <flushEvery> updates; with goFile, prints
//                                                 "ready" and starts when that file exists
//   loop <entries>                                fills <entries> posts, then updates one and
//                                                 flushes until its parent exits, printing "flushed <n>"
//   hold <ms>                                     takes the state file's lock, prints "locked",
//                                                 keeps it <ms>, releases it
//   linger                                        updates a post with a write due in a minute,
//                                                 prints "updated", and does nothing more
import { existsSync } from 'node:fs';
import { acquireLock, releaseLock, sleepSync } from '../../src/state/fileLock.js';
import { openReadingStore, stateFilePath } from '../../src/state/readingStore.js';

const [mode, ...args] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(line + '\n');

if (mode === 'write') {
  const [prefix = 'p', count = '0', flushEvery = '1', goFile] = args;
  const store = openReadingStore();
  if (goFile) {
    say('ready');
    while (!existsSync(goFile)) sleepSync(1);
  }
  for (let i = 0; i < Number(count); i++) {
    store.update('bundled', `${prefix}-${i}`, { read: i % 2 === 0, percent: i % 101, position: { block: i, fraction: 0.5 } });
    if ((i + 1) % Number(flushEvery) === 0) store.flush();
  }
  store.flush();
  say('done');
} else if (mode === 'loop') {
  const entries = Number(args[0] ?? '100');
  const store = openReadingStore();
  for (let i = 0; i < entries; i++) store.update('bundled', `post-${i}`, { percent: 0, position: { block: 0, fraction: 0 } });
  // Ends by itself when the test that started it is gone, so a failed test leaves no process behind.
  const parent = process.ppid;
  for (let n = 1; process.ppid === parent; n++) {
    store.update('bundled', `post-${n % entries}`, { percent: n % 101, position: { block: n, fraction: (n % 7) / 7 } });
    store.flush();
    say(`flushed ${n}`);
  }
} else if (mode === 'hold') {
  const lock = acquireLock(`${stateFilePath()}.lock`);
  if (!lock) throw new Error('no lock');
  say('locked');
  sleepSync(Number(args[0] ?? '100'));
  releaseLock(lock);
  say('released');
} else if (mode === 'linger') {
  openReadingStore({ delayMs: 60_000 }).update('bundled', 'cors', { read: true });
  say('updated');
} else {
  throw new Error(`unknown mode ${mode}`);
}
