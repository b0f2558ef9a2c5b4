import { readdir, readFile } from 'node:fs/promises';

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** Process group id. */
  readonly group: number;
  readonly command: string;
  /** Its arguments, NUL-separated as /proc gives them. */
  readonly commandLine: string;
  readonly state: string;
}

/** Processes on this (Linux) machine, read from /proc. */
export async function processes(): Promise<ProcessInfo[]> {
  const found: ProcessInfo[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const commandLine = await readFile(`/proc/${name}/cmdline`, 'utf8');
      const end = stat.lastIndexOf(')');
      const [state = '', ppid = '', group = ''] = stat.slice(end + 2).split(' ');
      found.push({ pid: Number(name), ppid: Number(ppid), group: Number(group), command: stat.slice(stat.indexOf('(') + 1, end), commandLine, state });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Descendants of this process: children, their children and so on. */
export async function descendants(): Promise<ProcessInfo[]> {
  const all = await processes();
  const result: ProcessInfo[] = [];
  let parents = new Set([process.pid]);
  while (parents.size > 0) {
    const children = all.filter((info) => parents.has(info.ppid));
    result.push(...children);
    parents = new Set(children.map((info) => info.pid));
  }
  return result;
}

/** Whether a process has ended, counting a zombie waiting to be reaped as ended. */
export function hasEnded(info: ProcessInfo): boolean {
  return info.state === 'Z' || info.state === 'X';
}

/** Whether a process is still running. */
export async function isRunning(pid: number): Promise<boolean> {
  const info = (await processes()).find((candidate) => candidate.pid === pid);
  return info !== undefined && !hasEnded(info);
}
