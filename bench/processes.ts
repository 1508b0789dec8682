/** Child processes for benchmarks, and what /proc says about them. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TOKEN_PATH } from '../src/simulator/auth.ts';

/** Starts `entry` (TypeScript, through tsx) and resolves once its output contains `ready`. */
export async function spawnProcess(
  entry: string,
  env: Record<string, string>,
  ready: string,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  // The gateway runs with npm start's V8 flags, whichever bench starts it.
  const flags = entry === 'src/index.ts' ? [...GATEWAY_NODE_ARGS, ...nodeArgs] : nodeArgs;
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(ready)) resolve();
    });
  });
  child.stdout?.resume();
  return child;
}

/** Resident memory of a process, in bytes. */
export function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** CPU time (user + system) a process has used, in seconds. */
export function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** The gateway (`npm start`'s entry) in front of the simulator at `apiUrl`, as every bench runs it. */
export function gatewayEnv(apiUrl: string, port: number, more: Record<string, string> = {}) {
  return {
    PORT: String(port),
    CATENA_API_URL: apiUrl,
    CATENA_TOKEN_URL: `${apiUrl}${TOKEN_PATH}`,
    CATENA_CLIENT_ID: 'dev',
    CATENA_CLIENT_SECRET: 'dev',
    GATEWAY_AUTH: 'off',
    LOG_LEVEL: 'warn',
    ...more,
  };
}

/**
 * The V8 flags `npm start` runs the gateway with (package.json's start script, e.g. a 32 MiB young
 * generation), so every bench measures the gateway as it is run.
 */
export const GATEWAY_NODE_ARGS: string[] = (() => {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const args = start.split(/\s+/);
  return args.slice(args.indexOf('node') + 1, args.indexOf('--import')).filter((a) => a.startsWith('--'));
})();
