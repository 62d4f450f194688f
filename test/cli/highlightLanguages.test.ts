import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';

// The built command defines each highlight.js language when a block first asks for it, with the
// languages it nests; these pin that the nested ones, the aliases and a guessed HTTP body still
// come out coloured.
const POST = `---
title: Languages
date: 2026-01-01
---

\`\`\`http
HTTP/1.1 200 OK
Content-Type: application/json

{"ok": true, "count": 3}
\`\`\`

\`\`\`html
<style>p { color: red; }</style>
<script>const answer = 42;</script>
\`\`\`

\`\`\`sh
if [ -f x ]; then echo yes; fi
\`\`\`

\`\`\`ts
const n: number = 1;
\`\`\`
`;

const painted = (word: string) => new RegExp(`\\u001b\\[[0-9;]*m${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\u001b\\[`);

describe('code blocks of a coloured read, in the built command', () => {
  it('colours languages by their aliases, the languages they nest and the body of an HTTP message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-tui-langs-'));
    writeFileSync(join(dir, 'langs.md'), POST);
    const { code, stdout, stderr } = runCli(['read', join(dir, 'langs.md'), '--color=always']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const word of ['HTTP/1.1', '"ok"', 'true', 'style', 'color', 'const', 'if', 'echo', 'number']) expect(stdout, word).toMatch(painted(word));
    // Only code is painted: the text of the same words outside a token is not.
    expect(stdout).not.toMatch(painted('answer'));
  });
});
