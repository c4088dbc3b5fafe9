// Run by `npm publish` (prepublishOnly): refuses to publish while package.json still carries the
// placeholder forge address. No public forge hosts cap-ptce yet; `forge.invalid` (a reserved
// domain that never resolves, RFC 2606) marks the fields to fill in at publication.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const fields = { repository: pkg.repository?.url, homepage: pkg.homepage, bugs: pkg.bugs?.url };
const placeholders = Object.entries(fields).filter(([, url]) => !url || url.includes('.invalid'));
if (placeholders.length > 0) {
  console.error(`Publication refusée : renseignez l'adresse réelle du dépôt dans package.json (${placeholders.map(([k]) => k).join(', ')}).`);
  process.exit(1);
}
