// The repository's YAML files: a corpus for the parser tests.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'test-artifacts' || name === 'dist' || name.startsWith('scratch')) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}
