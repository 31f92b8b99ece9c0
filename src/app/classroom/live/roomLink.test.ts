import { describe, expect, it } from 'vitest';
import { parseRoomLink } from './roomLink.ts';

const page = { hostname: '192.168.1.20', protocol: 'http:' };

describe('parseRoomLink', () => {
  it('joins as a student, or as the teacher with a key, at port 1234 of the page’s host', () => {
    expect(parseRoomLink('?lesson=x', page)).toBeNull();
    expect(parseRoomLink('?room=k7m-q2p', page)).toEqual({ room: 'K7MQ2P', key: null, server: 'ws://192.168.1.20:1234' });
    const key = 'dquNx-Ypn4b11Mpu31wICQ';
    expect(parseRoomLink(`?room=K7MQ2P&key=${key}`, { hostname: 'class.example', protocol: 'https:' })).toEqual({ room: 'K7MQ2P', key, server: 'wss://class.example:1234' });
  });

  it('takes the server from the server flag', () => {
    expect(parseRoomLink('?room=K7MQ2P&server=ws://127.0.0.1:1240', page)).toMatchObject({ server: 'ws://127.0.0.1:1240' });
    expect(parseRoomLink('?room=K7MQ2P&server=http://x:1', page)).toEqual({ error: 'server=http://x:1: must start with ws:// or wss://' });
  });

  it('names a bad code or key', () => {
    expect(parseRoomLink('?room=K7M0', page)).toEqual({ error: 'room=K7M0: a room code is six letters and digits (e.g. K7MQ2P)' });
    expect(parseRoomLink('?room=K7MQ2P&key=<script>', page)).toMatchObject({ error: expect.stringMatching(/^key: not a teacher key/) });
  });
});
