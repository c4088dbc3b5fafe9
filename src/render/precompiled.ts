// Templates already compiled, by source text: the packaged ones as the build precompiled them,
// registered by the IO layer when it reads them (src/io/templates.ts). A template whose text is not
// here (a user's --template, or a packaged one edited after the build) is compiled on use.

export interface PrecompiledTemplate {
  /** Compiled with `noEscape` (Markdown templates) or with Handlebars' HTML escaping. */
  noEscape: boolean;
  /** Compiled with these as knownHelpers and knownHelpersOnly: the renderer must register them all. */
  helpers: readonly string[];
  /** Names read without arguments: as fields, so valid only if the renderer has no helper by these names. */
  bare: readonly string[];
  /** Handlebars.precompile's output, evaluated. */
  spec: object;
}

const PRECOMPILED = new Map<string, PrecompiledTemplate>();

export function registerPrecompiled(source: string, template: PrecompiledTemplate): void {
  PRECOMPILED.set(source, template);
}

export function precompiledFor(source: string): PrecompiledTemplate | undefined {
  return PRECOMPILED.get(source);
}
