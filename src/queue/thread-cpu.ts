import { readFileSync } from 'node:fs';

/** Linux's clock tick (USER_HZ), the unit of /proc's CPU times: 100 on every mainstream kernel build. */
const TICK_MS = 10;

/**
 * CPU milliseconds of the calling thread alone, or undefined where /proc is not there. process.cpuUsage counts
 * every thread (the analysis threads too), and Node 20 has no per-thread figure, so on Linux this reads
 * /proc/thread-self/stat (utime + stime, in 10 ms ticks: exact in sums over many calls, coarse for one).
 */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces, in parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds process `pid` has used so far, or undefined where it cannot be read (not Linux, or not a
 * process of this machine): for a PostgreSQL server process serving this process's connection, so a benchmark
 * can count the database's share of the work (libpq's calls wait off-CPU while the server runs the statement).
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
