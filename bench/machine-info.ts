import os from 'node:os';

/** What the figures were measured on, stored with them. */
export interface MachineInfo {
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryMb: number;
  /** 1-minute load average when the run started: above the CPU count, other work shared the machine. */
  readonly loadAverage: number;
  readonly date: string;
}

/** Describes this machine and the time of the run. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
    date: new Date().toISOString(),
  };
}

/** A reading of every core's busy and total time, to compare with a later one. */
export type CoreTimes = { readonly busy: number; readonly total: number };

/** Busy and total time summed over the machine's cores, in milliseconds. */
export function coreTimes(): CoreTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  return { busy, total };
}

/** How many cores were busy, on average, since `since` was read: the machine's, whatever process used them. */
export function busyCoresSince(since: CoreTimes): number {
  const now = coreTimes();
  const total = now.total - since.total;
  return total > 0 ? ((now.busy - since.busy) / total) * os.cpus().length : 0;
}
