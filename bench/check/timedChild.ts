import { spawn } from "child_process";
import { timeMs } from "../measure";

/**
 * Runs one benchmark child (`node <flags> -r ts-node/register/transpile-only <script> <args>`) and reads its
 * result, the JSON on the last line it prints; its stderr says why when it fails.
 */
export async function runTimedChild<T>(
  script: string,
  args: readonly string[],
  options: { cwd: string; flags?: readonly string[]; label: string },
): Promise<{ result: T; processMs: number }> {
  let stdout = "";
  let stderr = "";
  let exit: number | null = null;
  const processMs = await timeMs(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [...(options.flags ?? []), "-r", "ts-node/register/transpile-only", script, ...args],
          { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] },
        );
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.once("error", reject);
        child.once("close", (code) => {
          exit = code;
          resolve();
        });
      }),
  );
  const last = stdout.trim().split("\n").pop() ?? "";
  if (exit !== 0 || !last.startsWith("{")) {
    throw new Error(
      `the ${options.label} run exited with ${exit}: ${stderr.trim() || stdout.trim() || "no output"}`,
    );
  }
  return { result: JSON.parse(last) as T, processMs };
}
