/** An error the user can act on: one clear line in Vietnamese and English, never a stack. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(`${vi} / ${en}`);
  }
}
