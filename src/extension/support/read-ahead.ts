/**
 * Yields `[item, await load(item)]` in the items' order while up to `ahead` loads run at once: the next
 * files are read while the current one is analysed. `load` must not reject (a rejection ends the
 * iteration with it). Stopping early leaves the loads already started to finish on their own.
 */
export async function* readAhead<T, R>(items: readonly T[], ahead: number, load: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (inFlight.length < Math.max(1, ahead) && next < items.length) inFlight.push(load(items[next++]!));
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const loaded = await inFlight.shift()!;
    fill();
    yield [items[i]!, loaded];
  }
}
