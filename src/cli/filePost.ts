import { closeSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ReadStream } from 'node:tty';
import { sanitizeLine } from '../content/sanitize.js';
import { MAX_POST_BYTES } from '../content/indexBuild.js';
import type { PostSource } from '../tui/postSource.js';
import { CliError } from './errors.js';
import { loadPostParser } from './folderPosts.js';
import { STDIN } from './fileArgument.js';

export { STDIN, isFileArgument } from './fileArgument.js';

function readAll(argument: string): Buffer {
  const shown = argument === STDIN ? 'standard input' : sanitizeLine(argument);
  let data: Buffer;
  try {
    data = readFileSync(argument === STDIN ? 0 : argument);
  } catch (error) {
    throw new CliError(`cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (data.length > MAX_POST_BYTES) throw new CliError(`${shown} is larger than ${MAX_POST_BYTES / 1024 / 1024} MB`);
  if (data.includes(0)) throw new CliError(`${shown} is not text (it has a NUL byte)`);
  return data;
}

/**
 * One Markdown file, or standard input, as a source of one post: its front matter gives the
 * title, date and tags when it has them. A file is read again when the reader asks (after
 * `v`); standard input is read once.
 */
export async function loadFilePost(argument: string): Promise<PostSource> {
  const text = new TextDecoder('utf-8').decode(readAll(argument));
  const name = argument === STDIN ? 'stdin.md' : basename(argument);
  // A lone file belongs to no site: it is read as a post of a plain folder.
  const { plainSite } = await import('../content/generators/plain.js');
  const parse = await loadPostParser(plainSite);
  const { postBody } = await import('../content/frontMatterFences.js');
  let entry;
  try {
    entry = parse(text, name);
  } catch (error) {
    throw new CliError(`${argument === STDIN ? 'standard input' : sanitizeLine(argument)}: ${sanitizeLine((error as Error).message)}`);
  }
  if (argument === STDIN) {
    return { id: 'stdin', name: 'standard input', posts: [entry], readBody: () => postBody(text) };
  }
  const path = resolve(argument);
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // Read above; a file removed since is reported when it is read again.
  }
  return {
    id: `file:${real}`,
    name: sanitizeLine(basename(argument)),
    posts: [entry],
    readBody: () => postBody(new TextDecoder('utf-8').decode(readAll(path))),
    filePath: () => path,
  };
}

/**
 * The keyboard when standard input is the text being read (`cat notes.md | blog-tui read -`):
 * the controlling terminal, opened on its own. Undefined when there is none.
 */
export function openTerminalInput(): ReadStream | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r');
  } catch {
    return undefined;
  }
  try {
    return new ReadStream(fd);
  } catch {
    closeSync(fd);
    return undefined;
  }
}
