import { spawn } from "child_process";
import * as path from "path";
import { track } from "../../packHost/liveProcesses";
import { CheckError } from "../checkError";
import type { TypeCheckAnswer, TypeCheckRequest } from "./typeCheckWorker";

/** A type-check running beside the program. */
export interface TypeCheck {
  /** The diagnostics, or none; rejects with a {@link CheckError} when the checker itself failed. */
  readonly answer: Promise<TypeCheckAnswer & { readonly ms: number }>;
  /** Stops the checker if it still runs (the check ended without needing its answer). */
  stop(): void;
}

/** This file's build or source: the worker is its sibling, started the same way. */
const WORKER = path.join(__dirname, `typeCheckWorker${path.extname(__filename)}`);

/**
 * Type-checks the program in a process of its own (typeCheckWorker.ts) while this process runs it transpile-only
 * and the packs analyse it: the two run on separate cores, and the check waits only for the slower one. The
 * worker is killed when this process exits or is interrupted, as pack processes are.
 */
export function startTypeCheck(request: TypeCheckRequest): TypeCheck {
  const started = performance.now();
  // From sources (tests, bench), the worker is TypeScript too: transpile it, as the caller was.
  const fromSources = path.extname(WORKER) === ".ts";
  const preload = fromSources ? ["-r", require.resolve("ts-node/register/transpile-only")] : [];
  const child = spawn(process.execPath, [...preload, WORKER, JSON.stringify(request)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: fromSources
      ? { ...process.env, TS_NODE_PROJECT: path.resolve(__dirname, "..", "..", "..", "tsconfig.json") }
      : process.env,
  });
  track(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let stopped = false;
  const answer = new Promise<TypeCheckAnswer & { ms: number }>((resolve, reject) => {
    child.once("error", (err) =>
      reject(new CheckError(`The type-check process could not start: ${err.message}`)),
    );
    child.once("close", (code, signal) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) {
        resolve({ ...(JSON.parse(last) as TypeCheckAnswer), ms: performance.now() - started });
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(
        new CheckError(
          stopped
            ? "The type-check was stopped."
            : `The type-check of the program ${how}: ${stderr.trim() || stdout.trim() || "it printed nothing"}`,
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
