import { ExitCode, UserError } from '../errors.js';
import type { Io } from '../io/io.js';

export async function runGrid(_options: unknown, io: Io): Promise<number> {
  void io;
  throw new UserError('La commande « grid » arrive bientôt.', ExitCode.usage);
}
