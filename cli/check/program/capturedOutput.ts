import { ProgramLog } from "./recordedStack";

type Write = typeof process.stdout.write;

/**
 * Takes over stdout and stderr while the program runs: what the program prints (console.log and friends) belongs
 * in the report's diagnostics, as `pulumi preview` shows it, not mixed into a JSON or SARIF report on stdout.
 */
export function capturedOutput(): { lines(): ProgramLog[]; restore(): void } {
  const captured: ProgramLog[] = [];
  const pending = { info: "", warning: "" };
  const take =
    (severity: "info" | "warning"): Write =>
    (chunk: Uint8Array | string, ...rest: unknown[]) => {
      const lines = (
        pending[severity] + (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString())
      ).split("\n");
      pending[severity] = lines.pop() ?? "";
      for (const message of lines) captured.push({ severity, message });
      const callback = rest.find((r): r is () => void => typeof r === "function");
      callback?.();
      return true;
    };
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = take("info");
  process.stderr.write = take("warning");
  return {
    lines: () => [
      ...captured,
      ...(["info", "warning"] as const)
        .filter((s) => pending[s] !== "")
        .map((severity) => ({ severity, message: pending[severity] })),
    ],
    restore: () => {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    },
  };
}
