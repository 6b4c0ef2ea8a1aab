import { readFileSync } from 'node:fs';
import { packageFile } from './paths.js';

/** The package version (from package.json): recorded in manifest.json and part of every resume key. */
export const VERSION: string = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
