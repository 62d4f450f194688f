// SHA-256 of a short text (a cache file's name from a folder's path or a feed's address), written
// out so that finding a cache before the first frame does not load node:crypto, whose modules
// cost more to load than anything else on that path. Long texts go to node:crypto's.

/** The first 32 bits of the fractional part of `x`. */
const fraction32 = (x: number): number => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0;

let constants: { initial: Uint32Array; rounds: Uint32Array } | undefined;

/** FIPS 180-4: the initial hash from the square roots of the first 8 primes, the round constants from the cube roots of the first 64. */
function shaConstants(): { initial: Uint32Array; rounds: Uint32Array } {
  if (!constants) {
    const initial = new Uint32Array(8);
    const rounds = new Uint32Array(64);
    for (let n = 2, count = 0; count < 64; n++) {
      let prime = true;
      for (let d = 2; d * d <= n && prime; d++) prime = n % d !== 0;
      if (!prime) continue;
      if (count < 8) initial[count] = fraction32(Math.sqrt(n));
      rounds[count++] = fraction32(Math.cbrt(n));
    }
    constants = { initial, rounds };
  }
  return constants;
}

const rotate = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The SHA-256 of `text`'s UTF-8 bytes, in hexadecimal (as node:crypto's createHash('sha256') gives it). */
export function sha256Hex(text: string): string {
  const { initial, rounds } = shaConstants();
  const data = Buffer.from(text, 'utf8');
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a multiple of 64 bytes.
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = data.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  const hash = Uint32Array.from(initial);
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      w[i] = w[i - 16]! + (rotate(a, 7) ^ rotate(a, 18) ^ (a >>> 3)) + w[i - 7]! + (rotate(b, 17) ^ rotate(b, 19) ^ (b >>> 10));
    }
    let a = hash[0]!;
    let b = hash[1]!;
    let c = hash[2]!;
    let d = hash[3]!;
    let e = hash[4]!;
    let f = hash[5]!;
    let g = hash[6]!;
    let h = hash[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + rounds[i]! + w[i]!) | 0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    hash[0]! += a;
    hash[1]! += b;
    hash[2]! += c;
    hash[3]! += d;
    hash[4]! += e;
    hash[5]! += f;
    hash[6]! += g;
    hash[7]! += h;
  }
  let hex = '';
  for (const word of hash) hex += word.toString(16).padStart(8, '0');
  return hex;
}
