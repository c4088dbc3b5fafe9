// The packaged templates (templates/), read from the package root at the edge, so that the
// renderers in src/render stay pure: they take the template source as an argument. The build's
// precompiled form of a template is registered here, for the renderers to find by its text.
import { readFileSync } from 'node:fs';
import { builtTemplate } from '../lazy-lib.js';
import { registerPrecompiled } from '../render/precompiled.js';
import { templatePath } from './files.js';

const cache = new Map<string, string>();

export function packagedTemplate(name: string): string {
  let source = cache.get(name);
  if (source === undefined) {
    source = readFileSync(templatePath(name), 'utf8');
    cache.set(name, source);
    const built = builtTemplate(name);
    if (built && built.raw === source) registerPrecompiled(built.source, { noEscape: built.noEscape, helpers: built.helpers ?? [], bare: built.bare ?? [], spec: built.spec });
  }
  return source;
}
