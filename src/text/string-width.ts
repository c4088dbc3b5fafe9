// The width of a text in terminal columns, without ICU. The `string-width` package segments every
// text into graphemes with Intl.Segmenter and tests each against the RGI emoji set: loading ICU's
// data and that regex cost a report on a terminal ≈ 40 ms, and each call ≈ 0.1 ms (wrap-ansi
// measures every grapheme of every line). The build puts these functions in place of
// string-width's and of Intl.Segmenter in wrap-ansi (scripts/build.mjs). Same rules, on graphemes
// found by the rules of UAX #29 that matter for text people type (marks, joiners, emoji
// sequences, flags, Hangul): test/robust/string-width.test.ts checks the widths against
// string-width, and the wrapping against wrap-ansi, on every text cap-ptce prints and on generated
// ones.
import ansiRegex from 'ansi-regex';
import { eastAsianWidth } from 'get-east-asian-width';

export interface StringWidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

// strip-ansi's pattern, as string-width uses it.
const ANSI = ansiRegex();
// Printable Latin, Latin-1 letters and punctuation, general punctuation without the zero-width and
// bidirectional controls, the narrow no-break space, box drawing and blocks (tables, bars): one
// column each, the whole text at once (all of a French report on a terminal).
const NARROW = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u202F-\u205E\u2500-\u259F]*$/;
const ASCII = /^[\u0020-\u007E]*$/;
// string-width's « not printing »: what a cluster's visible base skips.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Mn}\p{Me}\p{Surrogate}]/u;
// Grapheme classes (UAX #29).
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const EXTEND = /[\p{Mn}\p{Me}\u200c\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
const SPACING_MARK = /\p{Mc}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const EMOJI_MODIFIER_BASE = /\p{Emoji_Modifier_Base}/u;

const isRegional = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
// The flags of \p{RGI_Emoji} (Unicode 15.1), by their two letters: another pair is two letters, one column.
const FLAGS = new Set(
  'AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CQ CR CU CV CW CX CY CZ DE DG DJ DK DM DO DZ EA EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(' '),
);
const isSkinTone = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;

type Hangul = 'L' | 'V' | 'T' | 'LV' | 'LVT' | null;
function hangulType(cp: number): Hangul {
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c)) return 'L';
  if ((cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6)) return 'V';
  if ((cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb)) return 'T';
  if (cp >= 0xac00 && cp <= 0xd7a3) return (cp - 0xac00) % 28 === 0 ? 'LV' : 'LVT';
  return null;
}

/** The text's graphemes (extended grapheme clusters, UAX #29 without the Indic conjunct rules). */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let prev = -1;
  let prevHangul: Hangul = null;
  let pictographicRun = false; // ExtPict Extend* just before (GB11)
  let zwjAfterPictographic = false;
  let regionalCount = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const hangul = hangulType(cp);
    const isZwj = cp === 0x200d;
    let join = false;
    if (prev === -1) join = false;
    else if (prev === 0x0d && cp === 0x0a) join = true;
    else if ((prev !== 0x200d && prev !== 0x200c && CONTROL.test(String.fromCodePoint(prev))) || prev === 0x0a || prev === 0x0d) join = false;
    else if (!isZwj && cp !== 0x200c && CONTROL.test(ch)) join = false;
    else if (
      (prevHangul === 'L' && (hangul === 'L' || hangul === 'V' || hangul === 'LV' || hangul === 'LVT')) ||
      ((prevHangul === 'LV' || prevHangul === 'V') && (hangul === 'V' || hangul === 'T')) ||
      ((prevHangul === 'LVT' || prevHangul === 'T') && hangul === 'T')
    )
      join = true;
    else if (isZwj || EXTEND.test(ch) || SPACING_MARK.test(ch)) join = true;
    else if (prev === 0x200d && zwjAfterPictographic && PICTOGRAPHIC.test(ch)) join = true;
    else if (isRegional(cp) && isRegional(prev) && regionalCount % 2 === 1) join = true;
    if (!join) {
      if (current) out.push(current);
      current = '';
      pictographicRun = false;
      regionalCount = 0;
    }
    current += ch;
    // GB11: ExtPict Extend* ZWJ × ExtPict (a second ZWJ ends the run).
    zwjAfterPictographic = isZwj && pictographicRun;
    if (PICTOGRAPHIC.test(ch)) pictographicRun = true;
    else if (!EXTEND.test(ch)) pictographicRun = false;
    regionalCount = isRegional(cp) ? regionalCount + 1 : 0;
    prev = cp;
    prevHangul = hangul;
  }
  if (current) out.push(current);
  return out;
}

/** Columns of one grapheme, as string-width counts them. */
function graphemeWidth(cluster: string, ambiguousAsWide: boolean): number {
  const visibleAt = cluster.search(INVISIBLE) === 0 ? firstVisible(cluster) : 0;
  if (visibleAt === -1) return 0;
  const visible = cluster.slice(visibleAt);
  if (isEmoji(cluster)) return 2;
  const cps = [...visible].map((c) => c.codePointAt(0)!);
  // Hangul jamo: a leading + vowel (+ trailing) is one syllable block, two columns.
  if (hangulType(cps[0]!) === 'L' || hangulType(cps[0]!) === 'V' || hangulType(cps[0]!) === 'T') {
    const shown = cps.filter((cp) => !INVISIBLE.test(String.fromCodePoint(cp)));
    let width = 0;
    for (let i = 0; i < shown.length; i++) {
      const t = hangulType(shown[i]!);
      if (t !== 'L' && t !== 'V' && t !== 'T') {
        if (width === 0) break;
        for (let j = i; j < shown.length; j++) width += eastAsianWidth(shown[j]!, { ambiguousAsWide });
        return width;
      }
      if (t === 'L' && hangulType(shown[i + 1] ?? -1) === 'V') {
        width += 2;
        i += hangulType(shown[i + 2] ?? -1) === 'T' ? 2 : 1;
        continue;
      }
      width += eastAsianWidth(shown[i]!, { ambiguousAsWide });
    }
    if (width > 0) return width;
  }
  let width = eastAsianWidth(cps[0]!, { ambiguousAsWide });
  for (let i = 1; i < cps.length; i++) {
    const c = String.fromCodePoint(cps[i]!);
    if (SPACING_MARK.test(c) || (cps[i]! >= 0xff00 && cps[i]! <= 0xffef)) width += eastAsianWidth(cps[i]!, { ambiguousAsWide });
  }
  return width;
}

function firstVisible(cluster: string): number {
  let at = 0;
  for (const c of cluster) {
    if (!INVISIBLE.test(c)) return at;
    at += c.length;
  }
  return -1;
}

/** An emoji shown two columns wide: what string-width finds with \p{RGI_Emoji}, keycaps and ZWJ sequences. */
function isEmoji(cluster: string): boolean {
  const cps = [...cluster].map((c) => c.codePointAt(0)!);
  const first = cps[0]!;
  if (cps.length <= 3 && /^[\d#*]\ufe0f?\u20e3$/u.test(cluster)) return true; // keycaps
  if (isRegional(first)) return cps.length === 2 && isRegional(cps[1]!) && FLAGS.has(String.fromCharCode(65 + first - 0x1f1e6, 65 + cps[1]! - 0x1f1e6));
  if (!PICTOGRAPHIC.test(String.fromCodePoint(first))) return false;
  const pictographs = cps.filter((cp) => PICTOGRAPHIC.test(String.fromCodePoint(cp))).length;
  if (cluster.includes('\u200d') && pictographs >= 2) return true;
  const rest = cps.slice(1);
  if (rest.length === 0) return EMOJI_PRESENTATION.test(cluster);
  if (rest.length === 1 && rest[0] === 0xfe0f) return true;
  if (rest.length === 1 && isSkinTone(rest[0]!)) return EMOJI_MODIFIER_BASE.test(String.fromCodePoint(first));
  return false;
}

export default function stringWidth(input: string, options: StringWidthOptions = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  let text = input;
  if (!options.countAnsiEscapeCodes && (text.includes('\u001B') || text.includes('\u009B'))) text = text.replace(ANSI, '');
  if (text.length === 0) return 0;
  const ambiguousAsWide = options.ambiguousIsNarrow === false;
  if (ambiguousAsWide ? ASCII.test(text) : NARROW.test(text)) return text.length;
  let width = 0;
  for (const cluster of graphemes(text)) width += graphemeWidth(cluster, ambiguousAsWide);
  return width;
}

/** Intl.Segmenter's grapheme mode, enough for wrap-ansi (the build gives it this one). */
export class GraphemeSegmenter {
  segment(text: string): Iterable<{ segment: string; index: number; input: string }> {
    let index = 0;
    return graphemes(text).map((segment) => {
      const s = { segment, index, input: text };
      index += segment.length;
      return s;
    });
  }
}
