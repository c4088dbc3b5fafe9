// What `cap-ptce COMMAND --help` adds after commander's list of options: examples to copy and the
// exit codes a script can rely on (the README's table, command by command).

const EXIT_USAGE = "  2    erreur d'utilisation : option inconnue, fichier introuvable";

const HELP: Record<string, { examples: string[]; exits: string[] }> = {
  diagnose: {
    examples: [
      'npx cap-ptce diagnose                                 # toute la grille intégrée',
      'npx cap-ptce diagnose --entries objectifs,acteurs     # seulement deux entrées',
      'npx cap-ptce diagnose --answers claire.yaml -o rapport-claire.md',
      'npx cap-ptce diagnose --resume                        # reprendre sans poser la question',
    ],
    exits: [
      '  0    questionnaire terminé, rapport écrit',
      '  1    grille ou fichier de réponses invalide',
      "  2    erreur d'utilisation, ou pas de terminal interactif (utilisez report)",
      '  130  interrompu (Ctrl-C) : les réponses données sont conservées',
    ],
  },
  report: {
    examples: [
      'npx cap-ptce report reponses.yaml                     # le rapport dans le terminal',
      'npx cap-ptce report reponses.yaml -o rapport.md',
      'npx cap-ptce report reponses.yaml -f json -o -        # JSON sur la sortie standard',
      'npx cap-ptce report atelier/                          # synthèse d’atelier',
      "npx cap-ptce report 'atelier/*.yaml' -f csv -o plan-actions.csv",
      'cat reponses.yaml | npx cap-ptce report -             # réponses lues sur l’entrée standard',
    ],
    exits: [
      '  0    rapport produit (des écarts sont son contenu, pas une erreur)',
      '  1    fichier de réponses ou grille invalide',
      EXIT_USAGE,
    ],
  },
  validate: {
    examples: [
      'npx cap-ptce validate                                 # la grille intégrée (ou celle de la configuration)',
      "npx cap-ptce validate 'questions/*.yaml'              # motif développé par cap-ptce",
      'npx cap-ptce validate reponses.yaml -g ma-grille.yaml',
      "npx cap-ptce validate 'questions/*.yaml' -f github    # annotations GitHub Actions",
      'npx cap-ptce validate questions/ -f json              # {format, summary, files}',
      'cat ma-grille.yaml | npx cap-ptce validate -',
    ],
    exits: [
      '  0    aucun problème (les avertissements ne comptent qu’avec --strict)',
      '  1    problèmes trouvés',
      "  2    fichier introuvable ou motif sans correspondance (signalé avec les autres problèmes), option inconnue",
    ],
  },
  grid: {
    examples: [
      'npx cap-ptce grid -o fiche-atelier.md                 # la grille à imprimer',
      'npx cap-ptce grid -f html -o fiche-atelier.html',
      'npx cap-ptce grid -f form                             # questionnaire hors ligne, dans un navigateur',
      'npx cap-ptce grid -g ma-grille.yaml --entries objectifs,acteurs',
    ],
    exits: ['  0    fiche produite', '  1    grille invalide', EXIT_USAGE],
  },
  schema: {
    examples: ['npx cap-ptce schema grid > grid.schema.json', 'npx cap-ptce schema answers', 'npx cap-ptce schema config'],
    exits: ['  0    schéma écrit sur la sortie standard', EXIT_USAGE],
  },
  compare: {
    examples: [
      'npx cap-ptce compare suivi/2025.yaml suivi/2026.yaml',
      'npx cap-ptce compare avant.yaml apres.yaml -f html -o suivi.html',
      'npx cap-ptce compare avant.yaml apres.yaml -f json -o -',
    ],
    exits: ['  0    comparaison produite', '  1    fichier de réponses ou grille invalide', EXIT_USAGE],
  },
};

export function commandHelpAfter(name: string): string {
  const help = HELP[name];
  if (!help) return '';
  return `\nExemples :\n${help.examples.map((e) => `  ${e}`).join('\n')}\n\nCodes de sortie :\n${help.exits.join('\n')}\n`;
}

export const PROGRAM_HELP_AFTER = `
Options communes : -q, --quiet (seulement les erreurs) ; -o - écrit sur la sortie standard ;
« - » à la place d'un fichier lit l'entrée standard (report, validate).

Réglages du projet : cap-ptce.config.yaml (ou une clé « cap-ptce » dans package.json), cherché
depuis le dossier courant en remontant : grid, outDir, format.{report,compare,grid,validate}.

Exemples :
  npx cap-ptce diagnose
  npx cap-ptce report cap-ptce-reponses.yaml -o rapport.md
  npx cap-ptce validate 'questions/*.yaml' -f github
  npx cap-ptce help report

Codes de sortie : 0 terminé ; 1 entrée invalide ; 2 erreur d'utilisation ; 130 interrompu (Ctrl-C).
`;
