// Trimming without regular expressions that backtrack: `/[ \t]+$/gm` is quadratic on a long run
// of spaces not at the end of a line (« a », 100 000 spaces, « x » took over 20 s). Pure.

/** `text` without the characters of `set` at its end. Linear. */
export function trimEndOf(text: string, set: string): string {
  let end = text.length;
  while (end > 0 && set.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without trailing white space (as `\s+$`). Linear. */
export function trimEndSpace(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Every line of `text` without its trailing spaces and tabs (as `.replace(/[ \t]+$/gm, '')`). Linear. */
export function trimLineEnds(text: string): string {
  let out = '';
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const line = nl === -1 ? text.slice(start) : text.slice(start, nl);
    out += trimEndOf(line, ' \t');
    if (nl === -1) return out;
    out += '\n';
    start = nl + 1;
  }
}
