/**
 * Function file for ribbon commands (manifest.xml → FunctionFile → commands.html).
 *
 *   "Mở PhuLuc"  ShowTaskpane: nothing to do here.
 *   "Làm mới"    ExecuteFunction refreshWorkbook: dashboard, unit sheets and roll-ups rebuilt
 *                from the master list, entered values kept (src/office/refresh.ts).
 *   "Kiểm tra"   ExecuteFunction checkWorkbook: validation run again on the master list, the
 *                Kiểm tra sheet rebuilt.
 *
 * Every handler calls `event.completed()`, whatever happens: Office waits for it, and a command
 * that never completes blocks the ribbon.
 */
import type { ExcelHost } from '../render/office/excel-api';
import { checkWorkbook, refreshWorkbook, type CommandResult } from '../office/refresh';
import { officeHost } from '../office/host';

/** The part of `Office` this file uses (so tests can give a stand-in). */
export interface CommandOffice {
  actions: { associate(name: string, handler: (event: CommandEvent) => void): void };
}

export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export const COMMANDS = {
  refreshWorkbook: refreshWorkbook,
  checkWorkbook: checkWorkbook,
} as const;

/** Last result or error of a command, for the task pane and for tests. */
export const lastResult: { name?: string; result?: CommandResult; error?: unknown } = {};

export function registerCommands(office: CommandOffice, host: () => ExcelHost): void {
  for (const [name, run] of Object.entries(COMMANDS)) {
    office.actions.associate(name, (event) => {
      void (async () => {
        try {
          lastResult.name = name;
          lastResult.result = await run(host());
          lastResult.error = undefined;
        } catch (error) {
          lastResult.result = undefined;
          lastResult.error = error;
          // Without a dialog page of its own, a command can only log; the workbook is left as
          // it was (see src/office/rebuild.ts).
          console.error(`PhuLuc ${name}:`, error);
        } finally {
          event.completed();
        }
      })();
    });
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    registerCommands(Office, officeHost);
  });
}
