// French wording helpers shared by every document.

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2021-06-23" → "23 juin 2021" (1er for the first day, as French writes it). */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return `${day === 1 ? '1er' : day} ${month} ${m[1]}`;
}
