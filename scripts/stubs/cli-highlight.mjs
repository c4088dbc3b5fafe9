// Stand-in for cli-highlight in the bundle (see scripts/build.mjs): reports hold no source code to
// colour, and the real module brings highlight.js (1.4 MB, about 300 ms to load).
export function highlight(code) {
  return code;
}
