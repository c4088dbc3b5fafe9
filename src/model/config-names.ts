// Where project settings live, and their shape as TypeScript, without loading zod: the lookup
// runs before every command, and most projects have no config file.
export const CONFIG_FILE_NAME = 'cap-ptce.config.yaml';
export const PACKAGE_JSON_KEY = 'cap-ptce';

export interface Config {
  $schema?: string;
  grid?: string;
  outDir?: string;
  format?: {
    report?: 'md' | 'json' | 'html' | 'csv';
    compare?: 'md' | 'json' | 'html';
    grid?: 'md' | 'html' | 'form';
    validate?: 'text' | 'json' | 'github';
  };
}
