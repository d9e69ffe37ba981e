// CPU and memory of process groups from /proc (Linux): one scan of /proc/*/stat per poll, summed
// per group, so a service that forks (sh -c, workers) counts whole. Elsewhere: no numbers.
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = 100; // USER_HZ; 100 on every Linux ABI node runs on

export interface GroupUsage {
  /** utime + stime of every live process in the group, in clock ticks. */
  ticks: number;
  rssBytes: number;
}

function rssOf(pid: string): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Usage of the given process groups; groups with no live process are absent. */
export function readGroups(pgids: ReadonlySet<number>): Map<number, GroupUsage> {
  const out = new Map<number, GroupUsage>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pgrp = Number(fields[2]);
    if (!pgids.has(pgrp) || fields[0] === 'Z') continue;
    const usage = out.get(pgrp) ?? { ticks: 0, rssBytes: 0 };
    usage.ticks += Number(fields[11]) + Number(fields[12]);
    usage.rssBytes += rssOf(pid);
    out.set(pgrp, usage);
  }
  return out;
}

/** Turns successive tick totals into CPU % (100 = one core busy). */
export class CpuMeter {
  private last = new Map<number, { ticks: number; at: number }>();

  percent(pgid: number, ticks: number, at: number): number | undefined {
    const before = this.last.get(pgid);
    this.last.set(pgid, { ticks, at });
    if (!before || at <= before.at || ticks < before.ticks) return undefined;
    return ((ticks - before.ticks) / CLK_TCK) / ((at - before.at) / 1000) * 100;
  }

  forget(pgid: number): void {
    this.last.delete(pgid);
  }
}
