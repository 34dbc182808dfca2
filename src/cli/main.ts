import { readFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import type { Plan } from '../core/plan/types';
import { runBuild } from './build';
import { readAnyPlan } from './plan-input';
import { CliError } from './errors';
import { bothLanguages } from './messages';
import { formatFindings } from './check';
import type { Language as Lang } from '../core/text/language';
import { formatSummary } from './summary';
import { loadUnitDirectory } from './units';
import { runUnitsIn, runUnitsOut } from './unitfiles';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
}

const USAGE = `PhuLuc — phụ lục kế hoạch thành sổ theo dõi nhiệm vụ

Cách dùng / Usage:
  phuluc parse TỆP [--json] [--units TỆP] [--before-inclusive]
      Đọc phụ lục; in tóm tắt, hoặc JSON (phuluc.plan/1) với --json.
      Read an appendix; print a summary, or JSON (phuluc.plan/1) with --json.
  phuluc check TỆP [--units TỆP] [--before-inclusive] [--lang en] [--json]
      Liệt kê các điểm cần kiểm tra theo mức độ; mã thoát 1 khi có lỗi.
      List validation findings by severity; exit status 1 when there are errors.
  phuluc build TỆP -o SO-THEO-DOI.xlsx [--today YYYY-MM-DD] [--due-soon N]
               [--units TỆP] [--lang vi|en] [--group-sheets] [--before-inclusive]
               [--accept-uncertain] [--replace-plan]
      Tạo sổ theo dõi Excel (.xlsx): tổng hợp, danh sách nhiệm vụ, một trang cho mỗi đơn vị.
      Ghi lên sổ đã có: giữ những gì đã nhập, theo đúng nhiệm vụ (kể cả khi kế hoạch được
      điều chỉnh, đánh số lại), và không đụng tới các trang, tên, ghi chú của người dùng.
      Make the Excel tracking workbook (.xlsx): dashboard, task list, a sheet per unit.
      Over an existing tracker: keeps what was typed, on the task it was typed for (also
      when a revised plan renumbers tasks), and leaves the user's own content alone.

  phuluc units-out SO-THEO-DOI.xlsx -o THU-MUC/ [--reply-by dd/mm/yyyy] [--json]
      Ghi cho mỗi đơn vị một phiếu báo cáo (.xlsx) gồm nhiệm vụ chủ trì và phối hợp; ghi vào
      Lịch sử của sổ các phiếu đã gửi và hạn trả lời (mặc định: 7 ngày sau hôm nay).
      Write one report form (.xlsx) per unit with its tasks as lead and coordinator; record the
      forms sent and the reply deadline (default: 7 days from today) in the tracker's History.
  phuluc units-in SO-THEO-DOI.xlsx TỆP… [--json]
      Nhập các phiếu đơn vị gửi lại: cập nhật giá trị, liệt kê xung đột và đề nghị gia hạn,
      ghi Lịch sử; nhập lại cùng phiếu không đổi gì. Mã thoát 1 khi có tệp bị từ chối.
      Merge the forms units sent back: update values, list conflicts and extension requests,
      record History; merging a form again changes nothing. Exit status 1 when a file is refused.

TỆP: văn bản (.txt, .md), tệp Excel .xlsx, Word .docx, PDF có chữ (không phải bản quét),
     hoặc JSON của phuluc parse --json (cho build).
FILE: text (.txt, .md), an Excel .xlsx, a Word .docx, a PDF with text (not a scan),
      or the JSON of phuluc parse --json (for build).

Tùy chọn / Options:
  --json               in JSON / print JSON
  --units TỆP          danh mục đơn vị (JSON hoặc CSV) / unit directory (JSON or CSV)
  --before-inclusive   "Trước ngày X" tính cả ngày X / "before X" includes X
  --lang vi|en         ngôn ngữ (kiểm tra, sổ theo dõi) / language (findings, workbook)
  -o, --output TỆP     tệp .xlsx sẽ ghi / the .xlsx file to write
  --today YYYY-MM-DD   ngày báo cáo cố định (mặc định: hôm nay, =TODAY() trong sổ)
                       fixed report date (default: today, =TODAY() in the workbook)
  --due-soon N         số ngày "sắp đến hạn" (mặc định 7) / "due soon" window (default 7)
  --group-sheets       cả nhóm đơn vị ("Các phòng…") có trang riêng / sheets for unit groups too
  --font TÊN           phông chữ của sổ: Times New Roman (mặc định), Arial, Calibri / the workbook's font
  --accept-uncertain   coi các cặp nhiệm vụ "có thể là một" là cùng nhiệm vụ (mang giá trị sang)
                       take pairs that may be the same task as the same (carry their entries)
  --replace-plan       cho phép ghi kế hoạch khác lên sổ (mã thoát 3 nếu không có)
                       allow another plan over the tracker (exit status 3 without it)
  --reply-by NGÀY      hạn trả lời của phiếu, dd/mm/yyyy / the forms' reply deadline
  -h, --help           trợ giúp / help
  -v, --version        phiên bản / version
`;

interface ParsedArgs {
  command: string | undefined;
  file: string | undefined;
  /** Positionals after the file (units-in's answer files). */
  rest: string[];
  replyBy: string | undefined;
  json: boolean;
  units: string | undefined;
  beforeInclusive: boolean;
  lang: Lang;
  output: string | undefined;
  today: string | undefined;
  dueSoon: string | undefined;
  groupSheets: boolean;
  font: string | undefined;
  acceptUncertain: boolean;
  replacePlan: boolean;
  help: boolean;
  version: boolean;
}

/** Node's option parser's complaint → one line in Vietnamese and English (never its English). */
export function argumentError(error: unknown): CliError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // "Option '-o, --output <value>' argument missing": the long form names the option best.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(/[ ,]/)[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new CliError('unknown-option', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message))
    return new CliError('option-needs-value', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new CliError('option-takes-no-value', { option });
  return new CliError('invalid-arguments', {});
}

function readArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        units: { type: 'string' },
        'before-inclusive': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'vi' },
        output: { type: 'string', short: 'o' },
        today: { type: 'string' },
        'reply-by': { type: 'string' },
        'due-soon': { type: 'string' },
        'group-sheets': { type: 'boolean', default: false },
        font: { type: 'string' },
        'accept-uncertain': { type: 'boolean', default: false },
        'replace-plan': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw argumentError(error);
  }
  const { values, positionals } = parsed;
  if (values.lang !== 'vi' && values.lang !== 'en') {
    throw new CliError('unknown-language', { lang: String(values.lang) });
  }
  // units-in reads the tracker and the units' files; every other command one file.
  if (positionals.length > 2 && positionals[0] !== 'units-in') {
    throw new CliError('extra-argument', { argument: positionals[2] ?? '' });
  }
  return {
    command: positionals[0],
    file: positionals[1],
    rest: positionals.slice(2),
    replyBy: values['reply-by'],
    json: values.json === true,
    units: values.units,
    beforeInclusive: values['before-inclusive'] === true,
    lang: values.lang,
    output: values.output,
    today: values.today,
    dueSoon: values['due-soon'],
    groupSheets: values['group-sheets'] === true,
    font: values.font,
    acceptUncertain: values['accept-uncertain'] === true,
    replacePlan: values['replace-plan'] === true,
    help: values.help === true,
    version: values.version === true,
  };
}

async function readPlan(args: ParsedArgs, io: CliIO): Promise<Plan> {
  if (!args.file) throw new CliError('file-name-missing', {});
  const directory = args.units ? await loadUnitDirectory(args.units) : undefined;
  return readAnyPlan(args.file, { beforeInclusive: args.beforeInclusive, directory }, io);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Runs the command line; returns the exit status. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = readArgs(argv);
    if (args.version) {
      io.stdout(`phuluc ${packageVersion()}\n`);
      return 0;
    }
    if (args.help || !args.command || args.command === 'help') {
      io.stdout(USAGE);
      return args.command || args.help ? 0 : 2;
    }
    switch (args.command) {
      case 'parse': {
        const plan = await readPlan(args, io);
        io.stdout(
          args.json ? JSON.stringify(plan, null, 2) + '\n' : formatSummary(plan, io.columns),
        );
        return 0;
      }
      case 'check': {
        const plan = await readPlan(args, io);
        io.stdout(
          args.json
            ? JSON.stringify(plan.findings, null, 2) + '\n'
            : formatFindings(plan, args.lang, io.columns),
        );
        return plan.findings.some((f) => f.severity === 'error') ? 1 : 0;
      }
      case 'build':
        return await runBuild(
          {
            file: args.file,
            output: args.output,
            today: args.today,
            dueSoon: args.dueSoon,
            units: args.units,
            lang: args.lang,
            groupSheets: args.groupSheets,
            font: args.font,
            beforeInclusive: args.beforeInclusive,
            acceptUncertain: args.acceptUncertain,
            replacePlan: args.replacePlan,
          },
          io,
        );
      case 'units-out':
      case 'units-in': {
        const unitsArgs = {
          tracker: args.file,
          files: args.rest,
          output: args.output,
          replyBy: args.replyBy,
          json: args.json,
          lang: args.lang,
        };
        return args.command === 'units-out'
          ? await runUnitsOut(unitsArgs, io)
          : await runUnitsIn(unitsArgs, io);
      }
      default:
        throw new CliError('unknown-command', { command: args.command });
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`phuluc: ${bothLanguages('error-line', { message: error })}\n`);
      return error.exitCode;
    }
    // A bug of ours: still one line, with a way to report it, not a stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`phuluc: ${bothLanguages('unexpected-error', { detail })}\n`);
    return 70;
  }
}

export function run(): void {
  void main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  }).then((code) => {
    process.exitCode = code;
  });
}
