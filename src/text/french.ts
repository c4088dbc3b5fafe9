// French wording helpers shared by every document and command: numbers with their noun, dates,
// lists. One copy each, so that every output agrees.

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2021-06-23" → "23 juin 2021" (1er for the first day, as French writes it); "2021-11" → "novembre 2021". */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  if (m[3] === undefined) return `${month} ${m[1]}`;
  const day = Number(m[3]);
  return `${day === 1 ? '1er' : day} ${month} ${m[1]}`;
}

/** An ISO timestamp as a French date and time (« 26 novembre 2026 à 10:00 »); null without one. */
export function frenchDateTime(iso: string | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * "1 question", "3 questions". French puts the singular below two (« 0 écart », « 1,5 point »),
 * the plural from two on.
 */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${Math.abs(n) < 2 ? one : many}`;
}

/** "A", "A et B", "A, B et C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
}
