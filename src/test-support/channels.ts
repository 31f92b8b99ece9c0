/** MessageChannels for tests that link two sessions as the page links its workers. */
import { afterEach } from 'vitest';

/** A function that opens a MessageChannel; every channel it opened is closed after each test of the file. */
export function channelsClosedAfterEach(): () => MessageChannel {
  const open: MessageChannel[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) {
      c.port1.close();
      c.port2.close();
    }
  });
  return () => {
    const channel = new MessageChannel();
    open.push(channel);
    return channel;
  };
}
