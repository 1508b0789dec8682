import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** Kills what a test left running. */
export function killLeftovers() {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Runs a TypeScript entry point the way `npm start` does (tsx), capturing its output. */
export function run(entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForOutput(
  started: Started,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline || started.child.exitCode !== null) {
      throw new Error(`no ${pattern} in the output:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts `npm start` with `env` and resolves its base URL once it prints the GraphiQL URL. */
export async function startGateway(env: Record<string, string>): Promise<Started & { url: string }> {
  const started = run('src/index.ts', { PORT: '0', LOG_LEVEL: 'warn', ...env });
  const [, url] = await waitForOutput(started, /GraphiQL: (http:\/\/\S+)\/graphql/);
  return { ...started, url: url ?? '' };
}

export function useProcessCleanup() {
  afterEach(() => killLeftovers());
}
