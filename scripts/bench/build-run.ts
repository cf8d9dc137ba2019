/**
 * Runs one `astro build` and measures it: wall time, and the peak memory of the whole process
 * tree (Astro's Node process and what it starts, such as Pagefind), sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface BuildRun {
  seconds: number;
  /** Peak resident memory of the build and its children, in MB; null where /proc is missing. */
  peakMb: number | null;
  output: string;
}

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields start after the last «)».
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      tree.set(ppid, [...(tree.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return tree;
}

function treeRssKb(pid: number): number {
  const tree = children();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone already.
    }
    stack.push(...(tree.get(p) ?? []));
  }
  return total;
}

export function timedBuild(cwd: string, args: string[], env: Record<string, string>): Promise<BuildRun> {
  const sampling = existsSync('/proc/self/status');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npx', ['astro', 'build', ...args], {
      cwd,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakKb = 0;
    const timer = sampling ? setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 100) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`сборка завершилась с кодом ${code}:\n${output.slice(-3000)}`));
      else resolve({ seconds, peakMb: sampling ? Math.round(peakKb / 1024) : null, output });
    });
  });
}
