import * as path from "path";
import { CheckError } from "../checkError";
import { PROGRAM_NODE_FLAGS } from "../programProcessFlags";
import { startCheckerProcess } from "./checkerProcess";
import { CompilerChoice } from "./nativeCompiler";
import { startNativeTypeCheck } from "./nativeTypeCheck";
import type { TypeCheckAnswer, TypeCheckRequest } from "./typeCheckWorker";

/** Which compiler type-checked the program. */
export interface TypeChecker {
  /** `tsc`: TypeScript 7's native compiler; `ts-node`: the program's own TypeScript, as Pulumi's host uses it. */
  readonly compiler: "tsc" | "ts-node";
  /** TypeScript's version. */
  readonly version: string;
  /** Why a TypeScript 7 that was found or asked for did not check, in one sentence. */
  readonly note?: string;
}

/** What a type-check answers, with how long it took and which compiler gave the answer. */
export type TypeCheckResult = TypeCheckAnswer & { readonly ms: number; readonly checker: TypeChecker };

/** A type-check running beside the program. */
export interface TypeCheck {
  /** The diagnostics, or none; rejects with a {@link CheckError} when the checker itself failed. */
  readonly answer: Promise<TypeCheckResult>;
  /** Stops the checker if it still runs (the check ended without needing its answer). */
  stop(): void;
}

/** This file's build or source: the worker is its sibling, started the same way. */
const WORKER = path.join(__dirname, `typeCheckWorker${path.extname(__filename)}`);

/**
 * Type-checks the program in a process of its own while this process runs it transpile-only and the packs analyse
 * it: the two run on separate cores, and the check waits only for the slower one. The process is TypeScript 7's
 * native `tsc` when one was chosen (nativeTypeCheck.ts), else, or where that one cannot give ts-node's answer,
 * typeCheckWorker.ts with the program's own TypeScript. It is killed when this process exits or is interrupted, as
 * pack processes are.
 */
export function startTypeCheck(request: TypeCheckRequest, choice: CompilerChoice = {}): TypeCheck {
  const started = performance.now();
  const { native } = choice;
  if (native === undefined) return startWorker(request, started, choice.note);
  const run = startNativeTypeCheck(request, native);
  let fallback: TypeCheck | undefined;
  let stopped = false;
  const answer = run.outcome.then((outcome): Promise<TypeCheckResult> | TypeCheckResult => {
    if (outcome.kind === "checked") {
      const checker: TypeChecker = { compiler: "tsc", version: native.version };
      return { ...outcome.answer, ms: performance.now() - started, checker };
    }
    if (stopped) throw new CheckError("The type-check was stopped.");
    fallback = startWorker(request, started, outcome.note);
    return fallback.answer;
  });
  answer.catch(() => undefined);
  return {
    answer,
    stop: () => {
      stopped = true;
      run.stop();
      fallback?.stop();
    },
  };
}

/**
 * The checker's Node settings: the larger young generation the program runs with (programProcessFlags.ts). The
 * compiler allocates its syntax trees and symbols in bursts; on the AKS-shaped program of `npm run bench` the
 * checker took about 15 % less CPU with it (median of 3 runs each, 9.0 s against 10.7 s), for 90 MiB more.
 */
const CHECKER_NODE_FLAGS = PROGRAM_NODE_FLAGS;

/** The TypeScript 5 checker: typeCheckWorker.ts in a process of its own. */
function startWorker(request: TypeCheckRequest, started: number, note: string | undefined): TypeCheck {
  // From sources (tests, bench), the worker is TypeScript too: transpile it, as the caller was.
  const fromSources = path.extname(WORKER) === ".ts";
  const preload = fromSources ? ["-r", require.resolve("ts-node/register/transpile-only")] : [];
  const args = [...CHECKER_NODE_FLAGS, ...preload, WORKER, JSON.stringify(request)];
  const checker = startCheckerProcess(process.execPath, args, {
    env: fromSources
      ? { ...process.env, TS_NODE_PROJECT: path.resolve(__dirname, "..", "..", "..", "tsconfig.json") }
      : process.env,
  });
  const { child } = checker;
  let stopped = false;
  const answer = new Promise<TypeCheckResult>((resolve, reject) => {
    child.once("error", (err) =>
      reject(new CheckError(`The type-check process could not start: ${err.message}`)),
    );
    child.once("close", (code, signal) => {
      const stdout = checker.stdout();
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) {
        const parsed = JSON.parse(last) as TypeCheckAnswer;
        const checker: TypeChecker = {
          compiler: "ts-node",
          version: parsed.typescript ?? "unknown",
          ...(note === undefined ? {} : { note }),
        };
        resolve({ ...parsed, ms: performance.now() - started, checker });
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(
        new CheckError(
          stopped
            ? "The type-check was stopped."
            : `The type-check of the program ${how}: ${checker.stderr().trim() || stdout.trim() || "it printed nothing"}`,
        ),
      );
    });
  });
  // The caller may end (a failure elsewhere) without awaiting the answer: that is not an unhandled rejection.
  answer.catch(() => undefined);
  return {
    answer,
    stop: () => {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
