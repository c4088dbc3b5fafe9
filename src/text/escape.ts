// Text from grids and answers files is untrusted: it must not drive the terminal, break a
// Markdown structure, or inject HTML.

// C0/C1 controls, and ANSI escape sequences (CSI, OSC …) as a whole, so no stray "[31m" remains.
// Exported for the terminal renderer (render/terminal-markdown.ts), which removes the same.
export const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
export const CONTROL_KEEP_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

// What the replacements below act on: every ANSI sequence starts with ESC or CSI, both in these
// ranges, as are CR and tab. Most texts hold none: one scan then returns them as they are (a
// workshop cleans thousands of notes and labels; four replacements each were a sixth of its analysis).
export const ANY_CONTROL = new RegExp(CONTROL_ALL.source);
export const ANY_CONTROL_BUT_NEWLINE = new RegExp(CONTROL_KEEP_NEWLINE.source);

/** Removes ANSI escapes and control characters; newlines become spaces. For one-line display. */
export function stripControl(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ANSI, '').replace(/\r\n|\r|\n|\t/g, ' ').replace(CONTROL_ALL, '');
}

/** Removes ANSI escapes and control characters, keeping newlines. For multi-line notes. */
export function stripControlKeepLines(text: string): string {
  if (!ANY_CONTROL_BUT_NEWLINE.test(text)) return text;
  return text.replace(ANSI, '').replace(/\r\n|\r/g, '\n').replace(/\t/g, ' ').replace(CONTROL_KEEP_NEWLINE, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
