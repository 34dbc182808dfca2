import { cliWords, type CliMessageKey, type CliMessageParams } from './messages';

/**
 * An error the user can act on: one clear line in Vietnamese and English, never a stack. It is a
 * message of the command line's catalogue (./messages) and its parameters.
 */
export class CliError<K extends CliMessageKey = CliMessageKey> extends Error {
  readonly vi: string;
  readonly en: string;

  constructor(
    readonly key: K,
    readonly params: CliMessageParams<K>,
    readonly exitCode = 2,
  ) {
    const words = cliWords(key, params);
    super(`${words.vi} / ${words.en}`);
    this.vi = words.vi;
    this.en = words.en;
  }
}
