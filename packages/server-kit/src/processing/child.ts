// Runs ffprobe/ffmpeg within budgets: a memory cap (RLIMIT_DATA), a CPU-time cap (RLIMIT_CPU) and a
// wall clock, below the server's CPU and I/O priority (nice 19, idle I/O class), in its own process
// group. A group kills its children on close(); every child also dies with this process (parent-death
// signal, and an `exit` hook for a Node that ends on its own), so no ffmpeg outlives its server.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ChildBudget {
  /** Peak memory of one child in bytes (heap and mappings it may allocate). Default 512 MiB. */
  memoryBytes: number;
  /** CPU seconds one child may use. */
  cpuSeconds: number;
  /** Wall clock in ms, after which the child's group is killed. */
  timeoutMs: number;
}

export interface RunOptions {
  /** Called with each complete stdout line instead of collecting stdout. */
  onLine?: (line: string) => void;
}

export interface ChildGroup {
  run(command: string, args: string[], budget: ChildBudget, options?: RunOptions): Promise<string>;
  /** Process ids of the children running now. */
  readonly pids: number[];
  /** SIGKILLs every running child's process group; later runs are refused. */
  close(): void;
}

export const DEFAULT_MEMORY_BYTES = 512 * 1024 * 1024;
const MAX_STDOUT = 4 * 1024 * 1024;
// Code, shared libraries and thread stacks are outside RLIMIT_DATA: keep room for them in the budget.
const OUTSIDE_DATA = 64 * 1024 * 1024;
const everyChild = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const child of everyChild) killGroup(child);
  });
}

function onPath(name: string): boolean {
  return (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

let tools: { setpriv: boolean; prlimit: boolean; ionice: boolean } | undefined;

/** The command line that runs `command` within `budget`: util-linux when present, else a shell's ulimit. */
export function limitedCommand(command: string, args: string[], budget: ChildBudget): string[] {
  tools ??= { setpriv: onPath('setpriv'), prlimit: onPath('prlimit'), ionice: onPath('ionice') };
  const data = Math.max(budget.memoryBytes - OUTSIDE_DATA, 32 * 1024 * 1024);
  const cpu = Math.max(1, Math.ceil(budget.cpuSeconds));
  // idle I/O class; -t: a container that may not set I/O priorities still runs the job
  const lower = ['nice', '-n', '19', ...(tools.ionice ? ['ionice', '-t', '-c', '3'] : [])];
  const death = tools.setpriv ? ['setpriv', '--pdeathsig', 'KILL', '--'] : [];
  if (tools.prlimit) {
    return [...death, 'prlimit', `--data=${data}`, `--cpu=${cpu}`, '--', ...lower, command, ...args];
  }
  const script = `ulimit -d ${Math.floor(data / 1024)} && ulimit -t ${cpu} && exec "$@"`;
  return [...death, 'sh', '-c', script, 'sh', ...lower, command, ...args];
}

/**
 * A detached child starts a session of its own, and with autogroup scheduling (Linux desktops and
 * many containers: /proc/sys/kernel/sched_autogroup_enabled) each session shares the CPU as one
 * peer of the server's whole session, whatever its nice value: two ffmpeg sessions then take two
 * thirds of two cores. Lowering the session's own weight puts it below the server too. Best effort:
 * without autogroup (or /proc) the file is missing and nice alone applies.
 */
function lowerSession(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    writeFileSync(`/proc/${pid}/autogroup`, '19');
  } catch {
    // no autogroup scheduling here
  }
}

function explain(command: string, stderr: string, budget: ChildBudget, signal: string | null): string {
  if (signal === 'SIGXCPU') return `${command} used more than its ${budget.cpuSeconds} s of processor time`;
  if (signal) return `${command} was stopped (${signal})`;
  const last = stderr.trim().split('\n').pop() ?? '';
  if (/alloc|memory/i.test(stderr)) {
    return `${command} needed more than the ${Math.round(budget.memoryBytes / 2 ** 20)} MiB of memory one file may use`;
  }
  return last || `${command} failed`;
}

export function createChildGroup(): ChildGroup {
  const children = new Set<ChildProcess>();
  let closed = false;
  hookExit();

  function run(
    command: string,
    args: string[],
    budget: ChildBudget,
    options: RunOptions = {},
  ): Promise<string> {
    if (closed) return Promise.reject(new Error('processing is shutting down'));
    const [bin, ...rest] = limitedCommand(command, args, budget) as [string, ...string[]];
    const child = spawn(bin, rest, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // fewer malloc arenas: threads otherwise reserve 64 MiB each against the budget
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    });
    lowerSession(child.pid);
    children.add(child);
    everyChild.add(child);
    return new Promise((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      let partial = '';
      let failure: string | undefined;
      const stop = (reason: string): void => {
        failure ??= reason;
        killGroup(child);
      };
      const timer = setTimeout(
        () => stop(`${command} timed out after ${budget.timeoutMs} ms`),
        budget.timeoutMs,
      );
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        if (options.onLine) {
          const lines = (partial + chunk).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) options.onLine(line);
        } else if (stdout.length + chunk.length > MAX_STDOUT) {
          stop(`${command} wrote more output than expected`);
        } else {
          stdout += chunk;
        }
      });
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-8192);
      });
      child.once('error', (error) => stop(`${command} could not start: ${error.message}`));
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        children.delete(child);
        everyChild.delete(child);
        if (closed) failure ??= 'processing is shutting down';
        if (failure) reject(new Error(failure));
        else if (code === 0) resolve(stdout);
        else reject(new Error(explain(command, stderr, budget, signal)));
      });
    });
  }

  return {
    run,
    get pids() {
      return [...children].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
    },
    close() {
      closed = true;
      for (const child of children) killGroup(child);
    },
  };
}
