/**
 * CPU time of this process in milliseconds. Rates are per CPU second, not per wall-clock
 * second: on a shared machine another process's load must not change the figure.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
