/**
 * Python source text for the exporters: literals of numbers, strings and arrays. Arrays are
 * written compactly — `np.zeros(n)`, `np.full(n, v)`, or the engine's exact values packed as
 * base64 little-endian numbers and read back with the `unpack` helper every script defines.
 */
import { NUMPY_DTYPE, packBase64, type PackedType } from './base64.ts';

/** A Python float literal that reads back as the same double (±inf and nan as numpy constants). */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'np.nan';
  if (x === Infinity) return 'np.inf';
  if (x === -Infinity) return '-np.inf';
  const text = String(x);
  return /[.e]/.test(text) || !Number.isFinite(x) ? text : `${text}.0`;
}

/** A Python string literal (JSON's escapes are valid in Python). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** A Python list of floats. */
export function pyList(values: ArrayLike<number>): string {
  return `[${Array.from(values, pyNumber).join(', ')}]`;
}

/** The shape tuple of a numpy array. */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * A numpy array of the given shape holding `values` exactly: zeros or one repeated value are
 * written as such, anything else as packed base64 (`unpack(text, dtype, shape)`).
 */
export function pyArray(values: ArrayLike<number>, shape: readonly number[], type: PackedType = 'float64'): string {
  const n = values.length;
  const numpyType = type === 'int32' ? 'np.int32' : type === 'float32' ? 'np.float32' : 'np.float64';
  if (n > 0 && Array.prototype.every.call(values, (v: number) => Object.is(v, values[0]))) {
    if (Object.is(values[0], 0)) return `np.zeros(${pyShape(shape)}, dtype=${numpyType})`;
    return `np.full(${pyShape(shape)}, ${type === 'int32' ? String(values[0]) : pyNumber(values[0])}, dtype=${numpyType})`;
  }
  if (n === 0) return `np.zeros(${pyShape(shape)}, dtype=${numpyType})`;
  return `unpack("${packBase64(values, type)}", "${NUMPY_DTYPE[type]}", ${pyShape(shape)})`;
}

/** The helper that reads packed arrays (defined once at the top of every exported script). */
export const UNPACK_HELPER = `def unpack(text, dtype, shape):
    """Numbers exported by Recurrence: base64 of little-endian float64 ('<f8'), float32 ('<f4') or int32 ('<i4')."""
    return np.frombuffer(base64.b64decode(text), dtype=dtype).reshape(shape).astype(dtype[1:])`;

/** Indents every line of a block. */
export function indent(text: string, spaces = 4): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}
