/** Runs a task when fewer than the limit are running, so callers may start any number at once. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A limiter that lets at most `limit` tasks run at the same time, started in the order they were submitted. */
export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit ${limit} is not a whole number ≥ 1`);
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its slot straight to the next waiter, so no newcomer can slip in between.
  const release = (): void => {
    const next = waiting.shift();
    if (next !== undefined) next();
    else running--;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
