// A promise that settles in a task of its own, after the current one and its microtasks: work split
// over two tasks instead of one long one. A MessageChannel, not a timer: Chromium holds the timers of
// a hidden tab to one a second.

export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
