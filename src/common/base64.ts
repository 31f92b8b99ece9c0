/**
 * Numbers embedded in exported scripts: little-endian IEEE-754 (float64 or float32) or int32,
 * packed as base64 (RFC 4648), so a notebook carries the engine's sampled values bit for bit and
 * compactly (numpy reads them with `np.frombuffer(base64.b64decode(s), "<f8")`). No Node Buffer:
 * the same code runs in the browser.
 */

export type PackedType = 'float64' | 'float32' | 'int32';

/** numpy's dtype string of each packed type (explicitly little-endian). */
export const NUMPY_DTYPE: Readonly<Record<PackedType, string>> = { float64: '<f8', float32: '<f4', int32: '<i4' };

const BYTES: Readonly<Record<PackedType, number>> = { float64: 8, float32: 4, int32: 4 };
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Packs numbers as little-endian `type` and returns the base64 text. */
export function packBase64(values: ArrayLike<number>, type: PackedType): string {
  const size = BYTES[type];
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    if (type === 'float64') view.setFloat64(i * size, values[i], true);
    else if (type === 'float32') view.setFloat32(i * size, values[i], true);
    else view.setInt32(i * size, values[i], true);
  }
  return bytesToBase64(bytes);
}

/** The inverse of packBase64 (for tests and for reading embedded data back). */
export function unpackBase64(text: string, type: PackedType): Float64Array {
  const bytes = base64ToBytes(text);
  const size = BYTES[type];
  if (bytes.length % size !== 0) throw new Error(`base64 data of ${bytes.length} bytes is not a whole number of ${type} values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length / size);
  for (let i = 0; i < out.length; i++) {
    out[i] = type === 'float64' ? view.getFloat64(i * size, true) : type === 'float32' ? view.getFloat32(i * size, true) : view.getInt32(i * size, true);
  }
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}=`;
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (/[^A-Za-z0-9+/]/.test(clean) || clean.length % 4 === 1) throw new Error('not base64 text');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let k = 0;
  for (const ch of clean) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 255;
    }
  }
  return out;
}
