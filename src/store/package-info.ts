// The package's own package.json. This module sits two levels under the package root in src/,
// dist/ and the start-up bundle (dist/bundle/) alike, so one relative URL finds it from all three.
import { readFileSync } from 'node:fs';

export function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
