import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import displayWidth from '../../src/render/displayWidth.js';

const SAMPLES = [
  'plain ascii',
  '中文字符 and 日本語のテキスト',
  'Café naïve résumé',
  'e\u0301 combining accent',
  '👍 thumbs, 👩‍💻 coder, 🇩🇪 flag, 1️⃣ keycap',
  '❤ text heart, ❤️ emoji heart',
  '\u001b[31mred\u001b[39m and \u001b]8;;https://x.example\u0007link\u001b]8;;\u0007',
  '▌ ● · … ─ │ ═ ↪ ★ ✓',
  'ｈａｌｆ ｆｕｌｌ ﾊﾝｶｸ',
  '한국어 텍스트 가',
  'zero\u200bwidth\u200djoiner\ufe0f',
  'tab\tand\u0007bell\u007f',
  '\u00a1ambiguous\u00b1 \u2460 \u03a9',
];

describe('display width', () => {
  it.each(SAMPLES)('measures %j as string-width does', (text) => {
    expect(displayWidth(text)).toBe(stringWidth(text));
    expect(displayWidth(text, { ambiguousIsNarrow: false })).toBe(stringWidth(text, { ambiguousIsNarrow: false }));
    expect(displayWidth(text, { countAnsiEscapeCodes: true })).toBe(stringWidth(text, { countAnsiEscapeCodes: true }));
  });

  it('agrees with string-width on random text from many scripts', () => {
    const pieces = fc.constantFrom(...SAMPLES.flatMap((s) => [...new Intl.Segmenter().segment(s)].map((x) => x.segment)), 'a', ' ', '\u0301', '\u200d', '\ufe0f');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });

  it('agrees with string-width on random Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (graphemes, any) => {
        for (const text of [graphemes, any, graphemes + any]) expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });

  it('returns 0 for empty and non-string input', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth(undefined)).toBe(0);
    expect(displayWidth('\u001b[1m\u001b[22m')).toBe(0);
  });
});
