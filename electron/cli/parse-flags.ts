// parse-flags.ts — the one way every command reads its flags: node:util parseArgs, strict (no unknown
// flags, no positionals), with every mistake turned into a UsageError whose message is one line.
// Also the checks flags share (required, one of a list, whole number), so commands word them alike.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './cli-error.ts';

type StrictConfig<O extends ParseArgsOptionsConfig> = { args: string[]; options: O; strict: true; allowPositionals: false };
export type Flags<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<StrictConfig<O>>>['values'];

export function parseFlags<const O extends ParseArgsOptionsConfig>(argv: string[], options: O): Flags<O> {
  const config: StrictConfig<O> = { args: argv, options, strict: true, allowPositionals: false };
  try {
    return parseArgs(config).values;
  } catch (error) {
    // Node words these well ("Unknown option '--bogus'"); reportFailure folds multi-line ones.
    if (isParseArgsError(error)) throw new UsageError(error.message);
    throw error;
  }
}

export function requireFlag(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function oneOf<const C extends readonly string[]>(name: string, value: string, choices: C): C[number] {
  if (!choices.includes(value)) throw new UsageError(`--${name} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not "${value}"`);
  return value as C[number];
}

export function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return n;
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_');
}
