// Files that may not belong together, or an order that looks reversed: the comparison still runs
// (the user may know better), and the command prints these before it.
import { clean } from './scores.js';
import type { CompareFile, CompareSide } from './types.js';

export function compareWarnings(before: CompareFile, after: CompareFile, sideBefore: CompareSide, sideAfter: CompareSide): string[] {
  const warnings: string[] = [];
  const norm = (s: string | null): string | null => (s === null ? null : s.normalize('NFC').toLocaleLowerCase('fr'));
  if (sideBefore.project && sideAfter.project && norm(sideBefore.project) !== norm(sideAfter.project)) {
    warnings.push(
      `Les deux fichiers ne nomment pas le même projet : « ${sideBefore.project} » (${clean(before.source)}) et « ${sideAfter.project} » (${clean(after.source)}). Vérifiez qu'il s'agit bien du même projet.`,
    );
  }
  if (sideBefore.date && sideAfter.date && sideBefore.date > sideAfter.date) {
    warnings.push(
      `Le fichier « avant » (${clean(before.source)}, ${sideBefore.dateLabel}) est plus récent que le fichier « après » (${clean(after.source)}, ${sideAfter.dateLabel}) : l'ordre est peut-être inversé (cap-ptce compare AVANT APRÈS).`,
    );
  }
  if (before.source === after.source) warnings.push(`Le même fichier est donné deux fois (${clean(before.source)}) : rien ne peut avoir bougé.`);
  return warnings;
}
