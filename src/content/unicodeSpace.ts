/**
 * Go's unicode.IsSpace (plus U+FEFF, as JavaScript's \s has it), for one UTF-16 code unit:
 * every Unicode space is in the BMP. Hugo's word count splits words at these.
 */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0x85 || code === 0xa0;
  return (
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
