import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../src/content/sanitize.js';

describe('sanitizing text from outside', () => {
  it('shows escape sequences visibly instead of passing them to the terminal', () => {
    expect(sanitizeText('red \u001b[31mtext\u001b[0m')).toBe('red ^[[31mtext^[[0m');
  });

  it('shows C1 controls, DEL and the bell visibly', () => {
    expect(sanitizeText('a\u009b2Jb\u007fc\u0007')).toBe('a<U+009B>2Jb^?c^G');
  });

  it('keeps newlines and tabs in multi-line text', () => {
    expect(sanitizeText('one\n\ttwo')).toBe('one\n\ttwo');
  });

  it('folds line breaks in one-line fields and shows bidi controls', () => {
    expect(sanitizeLine('Title\r\nsecond\tline')).toBe('Title second line');
    expect(sanitizeLine('abc\u202Edef\u2066')).toBe('abc<U+202E>def<U+2066>');
  });

  it('leaves ordinary Unicode alone', () => {
    expect(sanitizeLine('Café 中文 🎉')).toBe('Café 中文 🎉');
  });
});
