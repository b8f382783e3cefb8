import { CheckError } from "../checkError";
import { inSource, isUserFile, showLocation } from "./sourceLocation";
import { SourceLocation } from "./recordedStack";

const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/**
 * One paragraph for an error the program threw: what it said and the line of the user's code it came from
 * (the first stack frame outside node_modules and this tool), never this tool's own stack.
 *
 * @param hideStack the SDK's RunError/ResourceError carry a message meant to stand alone
 */
export function programFailure(err: unknown, mainFile: string, hideStack: boolean): CheckError {
  const shownMain = showLocation({ file: mainFile, line: 0, column: 0 }).replace(/:0:0$/, "");
  if (!(err instanceof Error)) {
    return new CheckError(
      `The program ${shownMain} threw ${JSON.stringify(err) ?? String(err)}, which is not an Error.`,
    );
  }
  if (err.name === "TSError")
    return compileFailure(err.message.replace(/^⨯ Unable to compile TypeScript:\n/, ""), mainFile);
  const site = hideStack ? undefined : userFrame(err.stack ?? "");
  const where = site === undefined ? "" : ` (at ${showLocation(site)})`;
  return new CheckError(`The program ${shownMain} failed${where}: ${err.message}`);
}

/** A program that does not compile: it wins over whatever else the run found. */
export class CompileError extends CheckError {}

/** The compiler's diagnostics, as ts-node words them (`file(line,col): error TSxxxx: message`), one per line. */
export function compileFailure(diagnostics: string, mainFile: string): CompileError {
  const shownMain = showLocation({ file: mainFile, line: 0, column: 0 }).replace(/:0:0$/, "");
  return new CompileError(
    `The program ${shownMain} does not compile:\nUnable to compile TypeScript:\n${diagnostics}`,
  );
}

function userFrame(stack: string): SourceLocation | undefined {
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line);
    if (match && isUserFile(match[1])) {
      return inSource({ file: match[1], line: Number(match[2]), column: Number(match[3]) });
    }
  }
  return undefined;
}
