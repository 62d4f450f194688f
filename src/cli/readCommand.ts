// `blog-tui read POST` and `blog-tui FILE.md`: the reader on a terminal, the rendered text when
// piped.
import type { PostSource } from '../tui/postSource.js';
import type { StyleSetting } from '../render/style.js';
import type { Settings } from '../config/settings.js';
import { CliError } from './errors.js';
import { isFileArgument } from './fileArgument.js';
import { optimizeLongPost } from './optimizingCompiler.js';
import { capableTerminal, interactive, loadSource, pipedWidth, resolveSlug, tuiSettings, useColor, write, type GlobalOptions } from './commandSupport.js';

/** `read FILE.md`, `read -`, `blog-tui FILE.md`: one Markdown file or standard input. */
export async function runFile(argument: string, options: { width?: number }, settings: Settings, globals: GlobalOptions): Promise<number> {
  const { loadFilePost, openTerminalInput, STDIN } = await import('./filePost.js');
  const source = await loadFilePost(argument);
  if (process.stdout.isTTY && capableTerminal()) {
    // Keys come from the terminal even when standard input was the text.
    const input = process.stdin.isTTY ? undefined : openTerminalInput();
    if (process.stdin.isTTY || input) {
      const { runTui } = await import('../tui/tuiSetup.js');
      try {
        return await runTui({
          ...tuiSettings(settings),
          source,
          standaloneIndex: 0,
          color: useColor(process.stdout, globals),
          keepState: globals.state !== false && argument !== STDIN,
          ...(input ? { stdin: input } : {}),
        });
      } finally {
        input?.destroy();
      }
    }
  }
  return printPost(source, 0, options, settings, globals);
}

export async function runRead(query: string, options: { width?: number }, settings: Settings, globals: GlobalOptions): Promise<number> {
  if (isFileArgument(query)) return runFile(query, options, settings, globals);
  const folder = settings.posts.value;
  if (!interactive() && folder && globals.url === undefined && !globals.drafts && !globals.future && !globals.verbose) {
    // Piped, only the post is shown: the cache's lookup finds it without reading the whole cache.
    const { loadOnePost } = await import('./folderPosts.js');
    const one = await loadOnePost(folder, query);
    if (one) return printPost(one, 0, options, settings, globals);
  }
  // A post of a folder whose cache is usable: only that post's file is checked.
  const source = await loadSource(settings, globals, { post: query });
  const index = resolveSlug(query, source);
  if (interactive()) {
    const { runTui } = await import('../tui/tuiSetup.js');
    return runTui({ ...tuiSettings(settings), source, standaloneIndex: index, color: useColor(process.stdout, globals), keepState: globals.state !== false });
  }
  return printPost(source, index, options, settings, globals);
}

export async function printPost(source: PostSource, index: number, options: { width?: number }, settings: Settings, globals: GlobalOptions): Promise<number> {
  const entry = source.posts[index]!;
  let body: string;
  try {
    body = source.readBody(entry);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`cannot read post "${entry.slug}" (${entry.file}): ${reason}`);
  }
  optimizeLongPost(body.length);
  const { renderPostText, pipedLook } = await import('./readOutput.js');
  // Piped text is $COLUMNS (else 80) wide unless the text column is set narrower.
  const width = options.width ?? Math.min(process.stdout.isTTY ? process.stdout.columns : pipedWidth(undefined), settings.width.value);
  const style = settings.style.value as StyleSetting;
  // Colour as --color and the environment say; its depth from FORCE_COLOR, at least 16 colours.
  const look = useColor(process.stdout, globals) ? ((await pipedLook(style)) ?? (await pipedLook(style, { ...process.env, FORCE_COLOR: '1' }))) : undefined;
  await write(await renderPostText(entry, body, width, look, true, source.bodyFormat === 'html'));
  return 0;
}

