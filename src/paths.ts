/** Locations inside the installed package (not the user's working directory). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder holding framelens's package.json, found by walking up from this module (works from src/ and dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('framelens: cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  root = dir;
  return root;
}

/** A file shipped in the package, e.g. `pipeline/lexicons/immigration.yml`. */
export function packageFile(relative: string): string {
  return join(packageRoot(), relative);
}

/**
 * A compiled worker script, e.g. `analysis/worker.js` → dist/src/analysis/worker.js (worker threads cannot load
 * TypeScript; under ts-jest the build in dist/ is used, which `npm test` makes first).
 */
export function workerScript(relativeToSrc: string): string {
  const built = join(packageRoot(), 'dist', 'src', relativeToSrc);
  if (!existsSync(built)) throw new Error(`framelens: compiled worker not found at ${built}; run \`npm run build\` first`);
  return built;
}
