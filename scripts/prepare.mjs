// `prepare` (run by `npm ci` and `npm install`): builds the operations console into dist/console.
// Where the dev dependencies are left out (`npm ci --omit=dev`), there is no Vite to build with: it
// says so and leaves the build to a stage that has them (the gateway answers /console with 503 and
// this hint until dist/console is there).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('vite/package.json');
} catch {
  console.warn('prepare: Vite is not installed (dev dependencies omitted), so the console is not built;');
  console.warn('prepare: run `npm run build:console` where they are installed and ship dist/console.');
  process.exit(0);
}
const built = spawnSync('npm', ['run', 'build:console'], { stdio: 'inherit' });
process.exit(built.status ?? 1);
