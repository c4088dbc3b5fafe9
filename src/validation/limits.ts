// How much of a hostile file cap-ptce accepts. A module of its own, without dependencies: the file
// readers (io/files.ts) check sizes without loading a YAML parser.
export const LIMITS = {
  /** Bytes. A grid of the default size is about 60 kB; 5 MB leaves room and stops abuse. */
  maxBytes: 5 * 1024 * 1024,
  /** Aliases resolved in one file; a handful is enough for shared texts, bombs need thousands. */
  maxAliasCount: 50,
  /** Flow nesting ([ and {) and block indentation columns; the yaml parser overflows the stack near 1000 levels. */
  maxFlowDepth: 100,
  maxIndentColumn: 400,
} as const;
