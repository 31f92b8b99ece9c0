/**
 * Runs `done` as a task of its own, after whatever the event loop holds now: a message to a
 * fresh MessageChannel (unlike setTimeout(0), never clamped to 4 ms when nested), or a timeout
 * where there are no channels.
 */
export function nextTask(done: () => void): void {
  if (typeof MessageChannel !== 'function') return void setTimeout(done, 0);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    done();
  };
  channel.port2.postMessage(null);
}
