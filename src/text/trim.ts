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
  // Only the lines that end with white are copied (a long page has a few, and thousands of lines).
  let out = '';
  let copied = 0;
  for (let start = 0; start <= text.length; ) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    let end = nl;
    while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end < nl) {
      out += text.slice(copied, end);
      copied = nl;
    }
    start = nl + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `text` ending with exactly one line break (as `.replace(/\n*$/, '\n')`, without trying that at every character). */
export function oneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length - 1 ? text : `${text.slice(0, end)}\n`;
}

// White as String.prototype.trim sees it (WhiteSpace and LineTerminator): the same set as \s.
const WHITE = /\s/;

/**
 * `${text.trim()}\n`, returning `text` itself when it already is that (no copy of a long page
 * ending in one newline).
 */
export function withFinalNewline(text: string): string {
  const n = text.length;
  if (n >= 2 && text.charCodeAt(n - 1) === 10 && !WHITE.test(text[n - 2]!) && !WHITE.test(text[0]!)) return text;
  return `${text.trim()}\n`;
}
