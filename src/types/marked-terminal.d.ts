// marked-terminal 7.3 ships no types and the registry's @types package is outdated (stack-notes.md):
// the part cap-ptce uses, declared here.
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';

  export interface TerminalRendererOptions {
    /** Column width for reflowed text. */
    width?: number;
    reflowText?: boolean;
    /** Spaces (or the tab string) used to indent nested lists. */
    tab?: number | string;
    emoji?: boolean;
    showSectionPrefix?: boolean;
    unescape?: boolean;
    [style: string]: unknown;
  }

  export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: Record<string, unknown>): MarkedExtension;
}
