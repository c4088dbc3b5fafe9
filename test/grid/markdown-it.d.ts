// markdown-it ships no types (its @types package is not a dependency): the part the tests call.
declare module 'markdown-it' {
  interface MarkdownIt {
    render(source: string): string;
  }
  export default function markdownIt(options?: { html?: boolean; linkify?: boolean }): MarkdownIt;
}
