import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture we run on. */
const TICKS_PER_SECOND = 100;

function ticksOf(stat: string): number {
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** CPU seconds (user + system) a process has used so far; NaN where there is no /proc. */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    return ticksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by every PostgreSQL process of this machine (the postmaster and its backends). */
export function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (stat.includes('(postgres)')) ticks += ticksOf(stat);
      } catch {
        // the process ended while we looked
      }
    }
  } catch {
    return NaN;
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds each side used while `run` ran: the server under test, PostgreSQL, and this load generator. */
export async function measureCpu<T>(
  serverPid: number | undefined,
  run: () => Promise<T>,
): Promise<{ result: T; server: number; postgres: number; client: number }> {
  const before = {
    server: cpuSecondsOf(serverPid),
    postgres: postgresCpuSeconds(),
    client: process.cpuUsage(),
  };
  const result = await run();
  const client = process.cpuUsage(before.client);
  return {
    result,
    server: cpuSecondsOf(serverPid) - before.server,
    postgres: postgresCpuSeconds() - before.postgres,
    client: (client.user + client.system) / 1e6,
  };
}
