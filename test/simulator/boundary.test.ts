/**
 * The simulator imports nothing of the gateway, and lint keeps it so: Biome's noRestrictedImports
 * (biome.json overrides for src/simulator) refuses any import that leaves src/simulator.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const simulatorDir = path.join(root, 'src', 'simulator');
const run = promisify(execFile);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

async function lint(files: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules', '.bin', 'biome'),
      ['lint', ...files],
      {
        cwd: root,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the simulator boundary', () => {
  it('no simulator module imports from outside src/simulator', () => {
    const crossing = sources(simulatorDir).flatMap((file) => {
      const depth = path.relative(simulatorDir, path.dirname(file)).split(path.sep).filter(Boolean).length;
      const outside = `${'../'.repeat(depth + 1)}`;
      return [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1] ?? '')
        .filter((spec) => spec.startsWith(outside))
        .map((spec) => `${path.relative(root, file)}: ${spec}`);
    });
    expect(crossing).toEqual([]);
  });

  it('lint refuses an import that crosses it, from any depth, and allows one inside', async () => {
    const probes = {
      [path.join(simulatorDir, '__probe_top__.ts')]:
        "import { WRITES } from '../catena/bodies.ts';\nexport const x = WRITES;\n",
      [path.join(simulatorDir, 'routes', '__probe_nested__.ts')]:
        "import { uuidV7 } from '../../ids.ts';\nexport const y = uuidV7;\n",
      [path.join(simulatorDir, 'routes', '__probe_inside__.ts')]:
        "import { randomId } from '../ids.ts';\nexport const z = randomId;\n",
    };
    try {
      for (const [file, text] of Object.entries(probes)) writeFileSync(file, text);
      const files = Object.keys(probes);
      const crossing = await lint(files.slice(0, 2));
      expect(crossing.code).not.toBe(0);
      expect(crossing.output.match(/noRestrictedImports/g)).toHaveLength(2);
      expect(await lint(files.slice(2))).toMatchObject({ code: 0 });
    } finally {
      for (const file of Object.keys(probes)) rmSync(file, { force: true });
    }
  });
});
