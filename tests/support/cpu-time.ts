/**
 * CPU milliseconds this process spent running `fn`. Speed budgets are checked
 * in CPU time, not wall-clock time: on a busy machine the wall clock also
 * counts the time other processes held the CPU, which says nothing about our code.
 */
export function cpuMsOf<T>(fn: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = fn();
  const { user, system } = process.cpuUsage(start);
  return { result, ms: (user + system) / 1000 };
}
