import { describe, expect, it } from 'vitest';
import { bytesToBase64, base64ToBytes, packBase64, unpackBase64 } from './base64.ts';

describe('packed numbers (base64 of little-endian values)', () => {
  it('encodes bytes as RFC 4648 base64, padding included', () => {
    const text = (s: string) => bytesToBase64(new TextEncoder().encode(s));
    expect([text(''), text('f'), text('fo'), text('foo'), text('foob'), text('fooba'), text('foobar')]).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
    expect(new TextDecoder().decode(base64ToBytes('Zm9vYmE='))).toBe('fooba');
  });

  it('writes float64 little-endian: 1.0 is 00 00 00 00 00 00 f0 3f', () => {
    expect(Array.from(base64ToBytes(packBase64([1], 'float64')))).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(Array.from(base64ToBytes(packBase64([1], 'float32')))).toEqual([0, 0, 0x80, 0x3f]);
    expect(Array.from(base64ToBytes(packBase64([-2], 'int32')))).toEqual([0xfe, 0xff, 0xff, 0xff]);
  });

  it('round-trips doubles bit for bit, signed zeros, extremes and non-finite values included', () => {
    const values = [0, -0, 1 / 3, -Math.PI, Number.MIN_VALUE, Number.MAX_VALUE, 1e-310, Infinity, -Infinity, NaN, 0.1 + 0.2];
    const back = unpackBase64(packBase64(values, 'float64'), 'float64');
    values.forEach((v, i) => expect(Object.is(back[i], v)).toBe(true));
  });

  it('rounds to float32 once, as Math.fround does, and round-trips int32', () => {
    const values = [0.1, 1 / 3, 16777217, -1e-40];
    expect(Array.from(unpackBase64(packBase64(values, 'float32'), 'float32'))).toEqual(values.map(Math.fround));
    expect(Array.from(unpackBase64(packBase64([0, 1, -1, 2147483647, -2147483648], 'int32'), 'int32'))).toEqual([0, 1, -1, 2147483647, -2147483648]);
  });

  it('refuses text that is not base64 or not whole values', () => {
    expect(() => base64ToBytes('ab$d')).toThrow(/not base64/);
    expect(() => unpackBase64('AAAA', 'float64')).toThrow(/whole number/);
  });
});
