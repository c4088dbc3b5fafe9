// What the build prepared besides the start-up chunks, loaded synchronously on first use:
// - libraries that the common path never needs (the `yaml` parser with positions, the Handlebars
//   compiler, the terminal's string-width and wrap-ansi, globs, CSV): in dist/ each is its own CommonJS bundle, dist/lib/<name>.cjs, kept out of the
//   start-up chunks, since V8 parses every byte of a chunk it imports, used or not;
// - the packaged templates precompiled (dist/lib/templates/<name>.cjs), one file each, so that a
//   report loads its own template only.
// From src/ (tests, tsx) there is no dist/: the libraries come from node_modules, no template is
// precompiled.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

declare const __CAP_PTCE_DIST__: boolean | undefined;

const req = createRequire(import.meta.url);

/** dist/lib/ when running from the build, else null. */
function distLib(): string | null {
  if (typeof __CAP_PTCE_DIST__ !== 'boolean' || !__CAP_PTCE_DIST__) return null;
  // This file is bundled into dist/cli.js or dist/chunks/*.js: dist/ is the last `dist` folder of its path.
  const here = fileURLToPath(import.meta.url);
  const at = Math.max(here.lastIndexOf('/dist/'), here.lastIndexOf('\\dist\\'));
  return `${here.slice(0, at + 6)}lib/`;
}

/** `name`: a package, or (from the build's stand-ins only) a dist/lib file name. */
export function lazyLib<T>(name: string): T {
  const lib = distLib();
  return req(lib === null ? name : `${lib}${name}.cjs`) as T;
}

/** A packaged template as the build precompiled it (scripts/build.mjs writes these files). */
export interface BuiltTemplate {
  /** The file's text when it was precompiled: the precompiled form applies only to this exact text. */
  raw: string;
  /** The text given to the compiler (the stylesheet has its `{{` escaped). */
  source: string;
  noEscape: boolean;
  /** The helpers the template calls (it was compiled with these as knownHelpers, knownHelpersOnly). */
  helpers: string[];
  /** The plain names it reads without arguments (fields, or helpers called without arguments). */
  bare: string[];
  /** Handlebars.precompile's output, evaluated. */
  spec: object;
}

export function builtTemplate(name: string): BuiltTemplate | null {
  const lib = distLib();
  if (lib === null) return null;
  try {
    return req(`${lib}templates/${name}.cjs`) as BuiltTemplate;
  } catch {
    return null; // not precompiled (a template added after the build): compiled on use
  }
}
