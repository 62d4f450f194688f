// The hostile fixture folder (test/fixtures/hostile) and what the tests add to a copy of it at
// run time: a 5 MB post, symbolic link loops, links to outside the folder, file names with
// control characters and an unreadable file, none of which belong in git.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const HOSTILE = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));

/** The posts of test/fixtures/hostile that can be used, by slug. */
export const HOSTILE_SLUGS = [
  'bidi',
  'bom-crlf',
  'deep-emphasis',
  'deep-lists',
  'deep-quotes',
  'empty',
  'escapes',
  'good',
  'invalid-date',
  'json-\u001b[2J-slug',
  'long-title',
  'no-front-matter',
  'raw-control-yaml',
];

/** The files of test/fixtures/hostile that cannot be used. */
export const HOSTILE_SKIPPED = ['binary.md', 'broken-toml.md', 'broken-yaml.md', 'invalid-utf8.md', 'raw-control-toml.md'];

/** What only the outside of the folder holds: it must never be shown. */
export const OUTSIDE_SECRET = 'OUTSIDE-SECRET-7f3a';

/** Names of the files a hostile copy adds, with control characters and bidi controls in them. */
export const CONTROL_NAME = 'name-\u001b[31m-\u0007-\u009b-\u202e-evil.md';
export const NEWLINE_NAME = 'line\nbreak.md';
/** A file that cannot be used, so that its name is printed with the reason. */
export const BROKEN_CONTROL_NAME = 'broken-\u001b]0;pwned\u0007-\u009b2J.md';

const made: string[] = [];
afterEach(() => {
  while (made.length) {
    const dir = made.pop()!;
    chmodAll(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

function chmodAll(dir: string): void {
  try {
    chmodSync(join(dir, 'unreadable.md'), 0o644);
  } catch {
    // not there
  }
}

export function tempDir(prefix = 'blog-tui-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A Markdown body of about `bytes` bytes: headings, paragraphs, lists, quotes, code and links. */
export function bigBody(bytes: number): string {
  let body = bigBodies.get(bytes);
  if (body === undefined) {
    body = makeBigBody(bytes);
    bigBodies.set(bytes, body);
  }
  return body;
}
const bigBodies = new Map<number, string>();

function makeBigBody(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part =
      `## Section ${i}\n\nParagraph ${i} with *emphasis*, **bold**, \`code\` and [a link](https://example.com/${i}). ` +
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8) +
      `\n\n- item one\n- item two\n  - nested\n\n> A quote in section ${i}.\n\n\`\`\`js\nconst x${i} = ${i};\n\`\`\`\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

export interface HostileCopyOptions {
  /** Add a post of about 5 MB (slug `big`). */
  big?: boolean;
  /** Add a post dated 2099 (first in the list) that the test deletes after the index is built. */
  deleted?: boolean;
}

/**
 * A temporary copy of test/fixtures/hostile with the run-time cases added: file names with
 * control characters, a symbolic link loop (folder and file), links to a file and a folder
 * outside, an unreadable file (unreadable only when not running as root), optionally the 5 MB
 * post and a post to delete. Removed after the test.
 */
export function hostileCopy(options: HostileCopyOptions = {}): string {
  const root = tempDir();
  const dir = join(root, 'posts');
  cpSync(HOSTILE, dir, { recursive: true });
  const outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), `---\ntitle: ${OUTSIDE_SECRET}\n---\n\n${OUTSIDE_SECRET}\n`);
  symlinkSync(join(outside, 'secret.md'), join(dir, 'outside-file.md'));
  symlinkSync(outside, join(dir, 'outside-folder'));
  symlinkSync('.', join(dir, 'loop'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
  symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
  writeFileSync(join(dir, CONTROL_NAME), '# Heading of a file with control characters in its name\n\nIts slug comes from the name.\n');
  writeFileSync(join(dir, BROKEN_CONTROL_NAME), '---\ntitle: [broken\n---\n');
  writeFileSync(join(dir, NEWLINE_NAME), '---\ntitle: A file name with a line break\ndate: 2023-01-01\n---\n\nText.\n');
  writeFileSync(join(dir, 'unreadable.md'), '---\ntitle: Unreadable\n---\n\nSecret.\n');
  chmodSync(join(dir, 'unreadable.md'), 0o000);
  if (options.big) {
    writeFileSync(join(dir, 'big.md'), `---\ntitle: A 5 MB post\ndate: 2098-01-01\n---\n\n${bigBody(5 * 1024 * 1024)}`);
  }
  if (options.deleted) {
    // Not the newest post: the app lays the selected post out ahead, and this one must not be read before it is deleted.
    writeFileSync(join(dir, 'deleted.md'), '---\ntitle: Deleted after indexing\ndate: 1999-01-01\n---\n\nGone soon.\n');
  }
  return dir;
}

/** Whether this process can read files whatever their mode (root): an unreadable file is readable. */
export const READS_ANYTHING = process.getuid?.() === 0;

const ESC = '\u001b';
/** blog-tui's own sequences: SGR styling, cursor and screen control, modes, OSC 8 links to web and mail. */
const OWN_SEQUENCES = [
  /\u001b\[[0-9;]*m/y,
  /\u001b\[\??[0-9;]*[ABCDGHJKhl]/y,
  /\u001b\]8;[^;\u0007\u001b]*;(?:(?:https?:\/\/|mailto:)[^\u0000-\u001f\u007f-\u009f]*)?\u0007/y,
  // The question for the terminal's background colour (--style auto): OSC 11, then DA1.
  /\u001b\]11;\?\u001b\\/y,
  /\u001b\[c/y,
];
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Every control character or escape sequence in `output` that blog-tui did not write for its
 * own purposes, with a little context; an empty list when there is none.
 */
export function foreignControls(output: string): string[] {
  const found: string[] = [];
  const context = (at: number) => JSON.stringify(output.slice(Math.max(0, at - 30), at + 30));
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(output); m; m = CONTROL.exec(output)) {
    const at = m.index;
    if (m[0] === ESC) {
      const own = OWN_SEQUENCES.find((re) => {
        re.lastIndex = at;
        return re.test(output);
      });
      if (own) {
        CONTROL.lastIndex = own.lastIndex;
        continue;
      }
    }
    found.push(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${at}: ${context(at)}`);
    if (found.length >= 10) break;
  }
  return found;
}

/** Bidi controls written raw (a JSON or one-line field should show them as <U+202E> or \u202e). */
export const RAW_BIDI = /[\u202a-\u202e\u2066-\u2069]/;
