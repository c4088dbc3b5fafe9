// Intl.Segmenter as wrap-ansi sees it in dist/lib/wrap-ansi.cjs (scripts/build.mjs): graphemes
// found without ICU, as Intl.Segmenter finds them (test/robust/string-width.test.ts).
export { GraphemeSegmenter as __capSegmenter } from '../../src/text/string-width.ts';
