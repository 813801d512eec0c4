/**
 * A module loaded on first use: the first call starts the import and later calls share it;
 * after a failure (a dropped connection) the next call tries again.
 */
export function lazy(load: () => Promise<unknown>): () => Promise<unknown> {
  let pending: Promise<unknown> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}
