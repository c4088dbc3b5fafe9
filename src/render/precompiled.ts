// The packaged templates, precompiled at build time (scripts/build.mjs replaces this module in
// dist/ with one generated from every templates/*.hbs). Empty when running from src/ (tests): the
// templates are then compiled on first use, with the same options.

export interface PrecompiledTemplate {
  /** Compiled with `noEscape` (Markdown templates) or with Handlebars' HTML escaping. */
  noEscape: boolean;
  /** Handlebars.precompile's output, evaluated as code by the build. */
  spec: object;
}

/** Template source → its precompiled form. */
export const PRECOMPILED: ReadonlyMap<string, PrecompiledTemplate> = new Map();
