import { ExitCode, UserError } from '../errors.js';
import type { Io } from '../io/io.js';

export async function runDiagnose(_options: unknown, io: Io): Promise<number> {
  void io;
  throw new UserError('La commande « diagnose » arrive bientôt.', ExitCode.usage);
}
