// CPU time (user + system, from /proc) of the bench's browser: every Chromium process started under
// this one (renderers, GPU, network service, the browser itself). A big upload keeps both cores busy
// here (the server on one, Chromium reading and sending the file on the other), so what a page
// spends anywhere in the browser comes out of the upload's speed; this counts it whatever the speed.
import { readdir, readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

interface Proc {
  ppid: number;
  comm: string;
  ticks: number;
}

async function readProc(pid: string): Promise<[number, Proc] | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined; // gone meanwhile
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(pid), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) }];
}

/** CPU seconds used so far by the Chromium processes descended from this process (live ones). */
export async function browserCpuSeconds(): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const procs = new Map((await Promise.all(pids.map(readProc))).filter((entry) => entry !== undefined));
  const under = (pid: number): boolean => {
    for (let at = procs.get(pid)?.ppid; at !== undefined && at > 1; at = procs.get(at)?.ppid)
      if (at === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, proc] of procs) if (/chrom/i.test(proc.comm) && under(pid)) ticks += proc.ticks;
  return ticks / TICKS_PER_SECOND;
}
