/**
 * File names that are not UTF-8. A Linux file name is bytes; Node reads it as UTF-8 and turns
 * every byte it cannot decode into U+FFFD, so the name it gives back names no file ("cannot
 * read (ENOENT)"). Such names are read here as bytes and kept as a string in which each byte
 * that is not UTF-8 stands as a lone surrogate, U+DC80 to U+DCFF (as Python's surrogateescape
 * does): the string turns back into the very bytes to open the file, a lone surrogate is shown
 * as U+FFFD on the terminal and kept exactly by JSON. Every other name is the string Node gives.
 */

const ESCAPE_BASE = 0xdc00;

/** A byte escaped at `i`: a low surrogate in the range that is not the second half of a pair. */
function isEscapeAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xdc80 || code > 0xdcff) return false;
  const before = i > 0 ? text.charCodeAt(i - 1) : 0;
  return before < 0xd800 || before > 0xdbff;
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = bytes[i + 1]!;
    if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1 >= 0xa0) return 0; // a surrogate
    return 3;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = bytes[i + 1]!;
    if (b0 === 0xf0 && b1 < 0x90) return 0;
    if (b0 === 0xf4 && b1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/** A file name (or path) read as bytes, as a string: UTF-8 decoded, other bytes escaped. */
export function nameFromBytes(bytes: Buffer): string {
  const plain = bytes.toString('utf8');
  if (!plain.includes('\ufffd') || Buffer.from(plain, 'utf8').equals(bytes)) return plain;
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += String.fromCharCode(ESCAPE_BASE + bytes[i]!);
      i++;
    } else {
      out += bytes.toString('utf8', i, i + length);
      i += length;
    }
  }
  return out;
}

/** True when `name` holds bytes that are not UTF-8 (escaped by nameFromBytes). */
function hasEscapedBytes(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (isEscapeAt(name, i)) return true;
  return false;
}

/** The path to give the file system: the string itself, or its bytes when it holds escaped ones. */
export function fsPath(path: string): string | Buffer {
  if (!hasEscapedBytes(path)) return path;
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    if (!isEscapeAt(path, i)) continue;
    if (i > from) parts.push(Buffer.from(path.slice(from, i), 'utf8'));
    parts.push(Buffer.from([path.charCodeAt(i) - ESCAPE_BASE]));
    from = i + 1;
  }
  if (from < path.length) parts.push(Buffer.from(path.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
