import * as path from "path";

/** One diagnostic as `tsc` printed it. */
export interface PrintedDiagnostic {
  /** Absolute path of its file; undefined for a diagnostic about the options as a whole. */
  readonly file?: string;
  readonly code: number;
  /** Its first line without the location (`error TS5108: Option 'x' has been removed. …`). */
  readonly message: string;
  /** Its text as printed: the first line, the lines under it, and with `--pretty` the source context. */
  readonly text: string;
}

/** What `tsc --listFiles` printed. */
export interface NativeOutput {
  readonly diagnostics: readonly PrintedDiagnostic[];
  /** Every file of the program, in the compiler's order (`--listFiles`). */
  readonly files: readonly string[];
}

const COLOUR = /\x1b\[[0-9;]*m/g;
/** `file(line,col): error TSnnnn: …` (`--pretty false`) or `file:line:col - error TSnnnn: …` (`--pretty true`). */
const ON_FILE = /^(.+?)(?:\((\d+),(\d+)\): |:(\d+):(\d+) - )((?:error|warning|message) TS(\d+): .*)$/;
const GLOBAL = /^((?:error|warning|message) TS(\d+): .*)$/;

/**
 * Reads what `tsc --listFiles` printed, with `--pretty` or without: each diagnostic, its file resolved against the
 * folder tsc ran in, with the lines printed under it (the message's further lines; with `--pretty`, the source
 * context and related locations), then the files of the program. The summary `--pretty` adds is dropped.
 */
export function parseNativeOutput(stdout: string, cwd: string): NativeOutput {
  const diagnostics: { file?: string; code: number; message: string; lines: string[] }[] = [];
  const files: string[] = [];
  let current: (typeof diagnostics)[number] | undefined;
  let summary = false;
  for (const line of stdout.replace(/\r\n/g, "\n").split("\n")) {
    const plain = line.replace(COLOUR, "");
    const onFile = ON_FILE.exec(plain);
    const global = onFile ? undefined : GLOBAL.exec(plain);
    if (!summary && (onFile || global)) {
      current = onFile
        ? { file: path.resolve(cwd, onFile[1]), code: Number(onFile[7]), message: onFile[6], lines: [line] }
        : { code: Number(global?.[2]), message: global?.[1] ?? "", lines: [line] };
      diagnostics.push(current);
    } else if (line !== "" && line === plain && path.isAbsolute(line)) {
      files.push(line);
      current = undefined;
    } else if (/^Found \d+ errors?/.test(plain)) {
      summary = true;
      current = undefined;
    } else if (current !== undefined) {
      current.lines.push(line);
    }
  }
  return {
    diagnostics: diagnostics.map(({ lines, ...d }) => ({ ...d, text: `${lines.join("\n")}\n` })),
    files,
  };
}
