// File names printed by cap-ptce, made safe for any output. Pure.

/**
 * A file name made safe to print anywhere (terminal, CI log, JSON consumer's terminal, Markdown):
 * control characters, newlines and ESC become visible escapes (`\n`, `\x1b`), so that a name
 * cannot forge a line (`::error …` in GitHub Actions) or send sequences to the terminal. A backslash
 * is left alone: it is how Windows paths are written.
 */
export function safeName(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, visible);
}

function visible(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * A message made safe to print, its own line breaks kept: a last guard for what reached a message
 * without going through safeName (a template name, a system error's text). No terminal sequence
 * gets through; a file name's newline is the job of safeName, where the name is put in.
 */
export function safeMessage(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, visible);
}

/**
 * JSON text with what JSON.stringify leaves raw but a terminal may act on (DEL, C1 controls such
 * as CSI, U+009B) or a line splitter may break on (U+2028, U+2029) written as \u escapes: the same
 * data once parsed, nothing live when printed.
 */
export function safeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
