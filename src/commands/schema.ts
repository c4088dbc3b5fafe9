import { answersJsonSchema, gridJsonSchema } from '../model/schema.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io/io.js';

export function renderSchema(type: 'grid' | 'answers'): string {
  return `${JSON.stringify(type === 'grid' ? gridJsonSchema() : answersJsonSchema(), null, 2)}\n`;
}

export async function runSchema(type: 'grid' | 'answers', io: Io): Promise<number> {
  io.stdout(renderSchema(type));
  return ExitCode.ok;
}
