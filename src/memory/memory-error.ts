import { JialingError } from '../errors.ts';

/** The translation memory refused an input (a TMX file, an option) or failed to do its work. */
export class MemoryError extends JialingError {}

/** The memory file cannot be used at all (unopenable, locked, corrupt, from a newer jialing): fix the setup, then run again. */
export class MemorySetupError extends MemoryError {
  override readonly exitCode = 2;
}
