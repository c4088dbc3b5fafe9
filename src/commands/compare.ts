import { ExitCode, UserError } from '../errors.js';
import type { Io } from '../io/io.js';

export async function runCompare(_before: string, _after: string, _options: unknown, io: Io): Promise<number> {
  void io;
  throw new UserError('La commande « compare » arrive bientôt.', ExitCode.usage);
}
