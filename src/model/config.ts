// The project config file (cap-ptce.config.yaml, or a `cap-ptce` key in package.json): the
// defaults a team sets once for its folder. Command-line options always win over it.
import * as z from 'zod';
import { jsonSchema } from './schema.js';

export { PACKAGE_JSON_KEY } from './config-names.js';

export const ConfigSchema = z
  .object({
    $schema: z.string().optional().describe('Adresse du schéma JSON, pour les éditeurs (ignorée par cap-ptce)'),
    grid: z.string().min(1, 'chemin vide').optional().describe('Grille par défaut (--grid), relative au dossier du fichier de configuration'),
    outDir: z
      .string()
      .min(1, 'chemin vide')
      .optional()
      .describe('Dossier où diagnose range par défaut les réponses et le rapport, relatif au dossier du fichier de configuration'),
    format: z
      .object({
        report: z.enum(['md', 'json', 'html', 'csv']).optional(),
        compare: z.enum(['md', 'json', 'html']).optional(),
        grid: z.enum(['md', 'html', 'form']).optional(),
        validate: z.enum(['text', 'json', 'github']).optional(),
      })
      .strict()
      .optional()
      .describe('Format par défaut (--format) de chaque commande'),
  })
  .strict();

export const CONFIG_SCHEMA_ID = 'urn:cap-ptce:schema:config@1';

export function configJsonSchema(): object {
  return jsonSchema(ConfigSchema, CONFIG_SCHEMA_ID, 'Configuration cap-ptce', 'Réglages d’un projet : cap-ptce.config.yaml, ou la clé « cap-ptce » de package.json.');
}
