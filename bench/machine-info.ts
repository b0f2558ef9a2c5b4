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
