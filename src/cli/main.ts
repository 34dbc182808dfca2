import { readFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import type { Plan } from '../core/plan/types';
import { runBuild } from './build';
import { readAnyPlan } from './plan-input';
import { CliError } from './errors';
import { bothLanguages, HELP_TEXT } from './messages';
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
      io.stdout(HELP_TEXT);
      return args.command || args.help ? 0 : 2;
    }
    switch (args.command) {
      case 'parse': {
        const plan = await readPlan(args, io);
        io.stdout(
          args.json
            ? JSON.stringify(plan, null, 2) + '\n'
            : formatSummary(plan, io.columns, args.lang),
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
