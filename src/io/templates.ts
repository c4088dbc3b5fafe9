// The packaged templates (templates/), read from the package root at the edge, so that the
// renderers in src/core stay pure: they take the template source as an argument.
import { readFileSync } from 'node:fs';
import { templatePath } from './files.js';

const cache = new Map<string, string>();

export function packagedTemplate(name: string): string {
  let source = cache.get(name);
  if (source === undefined) {
    source = readFileSync(templatePath(name), 'utf8');
    cache.set(name, source);
  }
  return source;
}
