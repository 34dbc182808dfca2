// Errors the pane shows: a code the strings turn into plain words and a next step, plus the
// technical detail for whoever supports the user. Never a stack trace in the pane's main text.

import type { ExcelQuestion } from './ports';

export type ErrorCode =
  | 'paste-empty'
  | 'no-table'
  | 'docx-no-table'
  | 'docx-tabbed'
  | 'report-forms-only'
  | 'no-tasks'
  | 'no-task-column'
  | 'units-unreadable'
  | 'file-empty'
  | 'file-too-large'
  | 'file-binary'
  | 'file-encoding'
  | 'file-doc'
  | 'file-xls'
  | 'pdf-scanned'
  | 'pdf-unreadable'
  | 'pdf-password'
  | 'pdf-damaged'
  | 'pdf-no-table'
  | 'file-odf'
  | 'file-unknown'
  | 'file-unreadable'
  | 'selection-empty'
  | 'selection-refused'
  | 'excel-read-failed'
  | 'excel-write-failed'
  | 'excel-old'
  | 'module-load-failed'
  | 'not-available'
  | 'build-failed'
  | 'download-failed'
  | 'unexpected';

export interface PaneError {
  code: ErrorCode;
  /** What the failing part said, in both languages (e.g. the Excel builder's own message). */
  message?: { vi: string; en: string };
  /** Warnings let the user go on (e.g. report forms only); errors stop the step. */
  intent: 'error' | 'warning';
  /** Technical detail (an exception's message), shown folded. */
  detail?: string;
}

/** An error raised on purpose, with the code the pane should show. */
export class PaneFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly said?: { vi: string; en: string },
  ) {
    super(detail ?? code);
    this.name = 'PaneFailure';
  }
}

/** A build inside Excel that needs the person's word before it changes anything. */
export class PaneQuestion extends Error {
  constructor(readonly question: ExcelQuestion) {
    super(`question: ${question.kind}`);
    this.name = 'PaneQuestion';
  }
}

/** A dynamic import() that failed to fetch its chunk. */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ChunkLoadError' || /Loading chunk .* failed/i.test(error.message))
  );
}

/** Any thrown value → what the pane shows. `fallback` names the step that failed. */
export function toPaneError(error: unknown, fallback: ErrorCode = 'unexpected'): PaneError {
  if (error instanceof PaneFailure) {
    return {
      code: error.code,
      intent: error.code === 'report-forms-only' ? 'warning' : 'error',
      ...(error.said ? { message: error.said } : {}),
      ...(error.message !== error.code ? { detail: error.message } : {}),
    };
  }
  if (isChunkLoadError(error)) {
    return { code: 'module-load-failed', intent: 'error', detail: (error as Error).message };
  }
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? 'unknown');
  return { code: fallback, intent: 'error', detail };
}
