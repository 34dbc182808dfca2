// The pane's "Đơn vị báo cáo" (units report back), without React. Outside Excel a person gives
// the tracker file: sending downloads a zip with one form per unit and the tracker recording
// them; merging takes the answered forms and downloads the tracker with the answers. Inside
// Excel both work on the open workbook (the forms still come as a zip). The merge's summary —
// per unit answered or not, values applied, conflicts, extension requests — is kept for the UI.

import type { MergeSummary } from '../../layout/unitfile/merge';
import { type PaneError, toPaneError } from './errors';
import type {
  BrowserPort,
  ExcelPort,
  NamedBytes,
  PipelineModules,
  SentUnitFile,
  UnitsClock,
} from './ports';
import { isoOfLocalDate, parseIsoDate, shiftIso, viDateTime } from '../../core/time/calendar';

export interface UnitsState {
  /** The tracker file given (outside Excel), kept up to date with what the pane wrote. */
  tracker: { name: string; size: number } | null;
  /** The reply deadline, ISO. */
  replyBy: string;
  busy: 'send' | 'merge' | null;
  sent: { files: SentUnitFile[]; zipName: string; replyBy: string } | null;
  merged: MergeSummary | null;
  /** The tracker with the answers was downloaded under this name (outside Excel). */
  mergedFile: string | null;
  error: PaneError | null;
}

type Listener = () => void;

/** The clock as the units' loop records it: "dd/mm/yyyy hh:mm" and the day. */
export function clockOf(date: Date): UnitsClock {
  return {
    now: viDateTime(date),
    today: isoOfLocalDate(date),
  };
}

export class UnitsController {
  private state: UnitsState;
  private listeners = new Set<Listener>();
  private trackerBytes: NamedBytes | null = null;

  constructor(
    private readonly deps: {
      modules: PipelineModules;
      browser: BrowserPort;
      excel: () => ExcelPort | null;
      now?: () => Date;
    },
  ) {
    const today = isoOfLocalDate(this.now());
    this.state = {
      tracker: null,
      replyBy: shiftIso(today, 7, 'day'),
      busy: null,
      sent: null,
      merged: null,
      mergedFile: null,
      error: null,
    };
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  getState = (): UnitsState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<UnitsState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Outside Excel: the tracker the forms come from and the answers go into. */
  chooseTracker = (file: NamedBytes): void => {
    this.trackerBytes = file;
    this.set({
      tracker: { name: file.name, size: file.bytes.byteLength },
      sent: null,
      merged: null,
      mergedFile: null,
      error: null,
    });
  };

  setReplyBy = (iso: string): void => {
    const day = parseIsoDate(iso);
    if (day) this.set({ replyBy: day });
  };

  private download(bytes: Uint8Array, name: string): void {
    this.deps.browser.download(bytes, name);
  }

  /** One form per unit, in a zip; the tracker records them in Lịch sử. */
  send = async (): Promise<void> => {
    if (this.state.busy) return;
    const excel = this.deps.excel();
    if (!excel && !this.trackerBytes) return;
    this.set({ busy: 'send', error: null, sent: null });
    const clock = clockOf(this.now());
    const replyBy = this.state.replyBy;
    const zipName = `Phieu bao cao don vi ${clock.today}.zip`;
    try {
      const units = await this.deps.modules.units();
      if (excel?.sendUnitFiles) {
        const sent = await excel.sendUnitFiles(replyBy, clock);
        this.download(await units.zip(sent.files), zipName);
        this.set({
          busy: null,
          sent: { files: sent.files.map(({ layout: _, ...f }) => f), zipName, replyBy },
        });
        return;
      }
      const sent = await units.send(this.trackerBytes!, replyBy, clock);
      this.trackerBytes = { name: this.trackerBytes!.name, bytes: sent.tracker };
      this.download(sent.zip, zipName);
      this.set({ busy: null, sent: { files: sent.files, zipName, replyBy } });
    } catch (error) {
      this.set({ busy: null, error: toPaneError(error, 'build-failed') });
    }
  };

  /** The units' answered forms merged (inside Excel: into the open workbook). */
  merge = async (answers: NamedBytes[]): Promise<void> => {
    if (this.state.busy || answers.length === 0) return;
    const excel = this.deps.excel();
    if (!excel && !this.trackerBytes) return;
    this.set({ busy: 'merge', error: null, merged: null, mergedFile: null });
    const clock = clockOf(this.now());
    try {
      const units = await this.deps.modules.units();
      if (excel?.mergeUnitFiles) {
        const summary = await excel.mergeUnitFiles(units.readAnswers(answers), clock);
        this.set({ busy: null, merged: summary });
        return;
      }
      const merged = await units.merge(this.trackerBytes!.bytes, answers, clock);
      let mergedFile: string | null = null;
      if (merged.tracker) {
        this.trackerBytes = { name: this.trackerBytes!.name, bytes: merged.tracker };
        mergedFile = this.trackerBytes.name;
        this.download(merged.tracker, mergedFile);
      }
      this.set({ busy: null, merged: merged.summary, mergedFile });
    } catch (error) {
      this.set({ busy: null, error: toPaneError(error, 'build-failed') });
    }
  };
}
