// Stand-in for node-emoji in the bundle (see scripts/build.mjs): reports are rendered with
// `emoji: false`, so `:shortcodes:` stay as typed; the real module brings a 275 kB emoji table.
export function get() {
  return undefined;
}
