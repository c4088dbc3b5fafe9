import { ExitCode, UserError } from '../errors.js';
import type { Io } from '../io/io.js';

export async function runReport(_files: string[], _options: unknown, io: Io): Promise<number> {
  void io;
  throw new UserError('La commande « report » arrive bientôt.', ExitCode.usage);
}
