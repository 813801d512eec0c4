/**
 * Lookups by key gathered over a few milliseconds into one query: a reconnect storm (10,000 phones
 * after a Wi-Fi hiccup) asks "what did this voter answer?" once per phone, and the database hears
 * it once per batch. Callers wait at most `windowMs` longer; each gets its own key's value.
 */
export interface BatchLookup<K, V> {
  get(group: string, key: K): Promise<V | undefined>;
}

/**
 * `load(group, keys)` answers one batch (keys in one group share a query: the same poll, the same
 * run). A batch is sent after `windowMs`, or at once when it reaches `maxKeys`. A failed load
 * rejects every caller of that batch.
 */
export function createBatchLookup<K, V>(
  load: (group: string, keys: K[]) => Promise<Map<K, V>>,
  opts: { windowMs?: number; maxKeys?: number } = {},
): BatchLookup<K, V> {
  const { windowMs = 5, maxKeys = 500 } = opts;
  const waiting = new Map<string, { keys: Map<K, ((value: V | undefined) => void)[]>; fail: ((err: unknown) => void)[]; timer: NodeJS.Timeout }>();

  const flush = (group: string) => {
    const batch = waiting.get(group);
    if (!batch) return;
    waiting.delete(group);
    clearTimeout(batch.timer);
    load(group, [...batch.keys.keys()]).then(
      (values) => {
        for (const [key, resolvers] of batch.keys) for (const resolve of resolvers) resolve(values.get(key));
      },
      (err: unknown) => {
        for (const reject of batch.fail) reject(err);
      },
    );
  };

  return {
    get(group, key) {
      return new Promise<V | undefined>((resolve, reject) => {
        let batch = waiting.get(group);
        if (!batch) {
          batch = { keys: new Map(), fail: [], timer: setTimeout(() => flush(group), windowMs) };
          waiting.set(group, batch);
        }
        batch.keys.set(key, [...(batch.keys.get(key) ?? []), resolve]);
        batch.fail.push(reject);
        if (batch.keys.size >= maxKeys) flush(group);
      });
    },
  };
}
