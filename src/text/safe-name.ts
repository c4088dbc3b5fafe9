// File names printed by cap-ptce, made safe for any output. Pure.

/**
 * A file name made safe to print anywhere (terminal, CI log, JSON consumer's terminal, Markdown):
 * control characters, newlines and ESC become visible escapes (`\n`, `\x1b`), so that a name
 * cannot forge a line (`::error …` in GitHub Actions) or send sequences to the terminal. A backslash
 * is left alone: it is how Windows paths are written.
 */
export function safeName(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
