/** Where a command prints: its result on stdout, progress and warnings on stderr. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
