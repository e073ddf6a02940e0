// Waiting on a condition instead of sleeping: CI machines are slower and busier than ours.

/** Polls `probe` until it returns something other than undefined/false; rejects after `ms`. */
export function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      try {
        const value = await probe();
        if (value !== undefined && value !== false) return resolve(value);
      } catch (error) {
        return reject(error);
      }
      if (Date.now() > deadline) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(() => void tick(), 100);
    };
    void tick();
  });
}
