// Reading state across real processes: the built command on a pseudo-terminal, twice.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blogTui, frames, runInPty, type PtyResult, type PtyStep } from '../support/ptyRun.js';

const LIST_SHOWN: PtyStep[] = [{ wait: '5 posts' }, { waitTermios: { icanon: false, echo: false } }];
/** The reader's status line, ending in a percentage (the list's progress marks do not end a line). */
const status = (percent: string) => String.raw`${percent}% ?(?:\x1b\[[0-9;]*m)*(?:\r?\n|\x1b\[\?2026l)`;
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** The first line of text under the reader's header in the last reader frame before `before`. */
function topLine(result: PtyResult, before = result.output.length): string {
  const reader = frames(result.output).filter((f) => f.start < before && f.lines.some((l) => /\d+%\s*$/.test(l)));
  const last = reader[reader.length - 1];
  expect(last, `no reader frame in ${JSON.stringify(result.output.slice(-1500))}`).toBeDefined();
  const rule = last!.lines.findIndex((l) => /^\s*─{20,}\s*$/.test(l));
  return last!.lines.slice(rule + 1).find((l) => l.trim() !== '')!.trim();
}

describe('reading state across runs', () => {
  it('opens a post where the last run left it', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-state-'));
    dirs.push(dir);
    const env = { BLOG_TUI_STATE_DIR: dir };
    const first = await runInPty({
      argv: blogTui(),
      env,
      steps: [...LIST_SHOWN, { send: 'jj\r' }, { waitRegex: status(String.raw`\d+`) }, { send: '   ' }, { waitRegex: status(String.raw`[1-9]\d`), from: 'now' }, { send: 'q' }, { wait: 'posts' }, { send: 'q' }],
    });
    expect(first.exitCode, first.error ?? '').toBe(0);
    const left = topLine(first);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).sources.bundled).toBeDefined();

    const second = await runInPty({
      argv: blogTui(),
      env,
      steps: [...LIST_SHOWN, { send: 'jj\r' }, { waitRegex: status(String.raw`[1-9]\d`) }, { send: 'q' }, { wait: 'posts' }, { send: 'q' }],
    });
    expect(second.exitCode, second.error ?? '').toBe(0);
    expect(topLine(second)).toBe(left);
    // The list marks the post as partly read.
    expect(second.output).toMatch(/\d{1,2}% ?\s*(?:\u001b\[[0-9;]*m)*\s*(?:\u001b\[[0-9;]*m)*Elasticsearch Zero to Hero/);
  });

  it('reads and writes nothing with --no-state', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-state-'));
    dirs.push(dir);
    const result = await runInPty({
      argv: blogTui('--no-state'),
      env: { BLOG_TUI_STATE_DIR: dir },
      steps: [...LIST_SHOWN, { send: 'jj\r' }, { waitRegex: status(String.raw`\d+`) }, { send: '  *' }, { waitRegex: status(String.raw`[1-9]\d`), from: 'now' }, { send: 'q' }, { wait: 'posts' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('moves a corrupt state file aside with one warning and goes on', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-state-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'state.json'), '{"format": "blog-tui-state", "version": 1, "sources": ');
    const result = await runInPty({
      argv: blogTui(),
      env: { BLOG_TUI_STATE_DIR: dir },
      steps: [...LIST_SHOWN, { send: '\r' }, { waitRegex: status(String.raw`\d+`) }, { send: 'q' }, { wait: 'posts' }, { send: 'q' }],
    });
    expect(result.exitCode, result.error ?? '').toBe(0);
    const afterScreen = result.output.slice(result.output.lastIndexOf('\u001b[?1049l')).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    const warnings = afterScreen.split(/\r?\n/).filter((l) => l.startsWith('blog-tui: '));
    expect(warnings, afterScreen).toHaveLength(1);
    expect(warnings[0]).toMatch(/state/);
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).format).toBe('blog-tui-state');
  });
});
