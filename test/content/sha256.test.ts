import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/content/sha256.js';

// Cache files are named by the SHA-256 of a folder's path or a feed's address: the hash written
// out here must name them exactly as node:crypto did, or every cache would be lost.
const nodeSha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it('gives the digests of the standard test messages', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it("is node:crypto's for texts at every block boundary, in several scripts, and long", () => {
    const texts = ['/home/someone/blog', 'https://example.com/index.xml', '/tmp/ünïcödé/☃/🎉 blog', 'x'.repeat(100_000)];
    for (let length = 0; length <= 200; length++) texts.push(Array.from({ length }, (_, i) => String.fromCodePoint(32 + ((length * 31 + i * 7) % 900))).join(''));
    for (const text of texts) expect(sha256Hex(text), JSON.stringify(text.slice(0, 40))).toBe(nodeSha(text));
  });
});
