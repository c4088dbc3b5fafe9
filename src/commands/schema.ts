import { configJsonSchema } from '../model/config.js';
import { answersJsonSchema, gridJsonSchema } from '../model/schema.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io/io.js';

export type SchemaType = 'grid' | 'answers' | 'config';

export function renderSchema(type: SchemaType): string {
  const schema = type === 'grid' ? gridJsonSchema() : type === 'answers' ? answersJsonSchema() : configJsonSchema();
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export async function runSchema(type: SchemaType, io: Io): Promise<number> {
  io.stdout(renderSchema(type));
  return ExitCode.ok;
}
