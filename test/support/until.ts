// Waiting on a condition (never a fixed sleep): polls `probe` until it returns something other than
// undefined or false, or fails after `ms` naming what it waited for. Runs on Node and in the extension host.
export function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      const value = await probe();
      if (value !== undefined && value !== false) return resolve(value as T);
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 100);
    };
    void tick();
  });
}
