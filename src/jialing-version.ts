import { readFileSync } from 'node:fs';

/** The version in jialing's package.json, one folder above both the sources and the compiled tree. */
export function jialingVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
