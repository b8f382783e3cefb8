import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzStandIn, TEST_TOKEN, makeAzStandIn } from "./azStandIn";
import { LoopbackCertificate, makeLoopbackCertificate } from "./certificate";
import { CliResult, runCli } from "./cliRun";
import type { FakeArmSetup } from "./fakeArm/estate";
import { GUARD_MARKER } from "./loopbackGuard";
import { RecordedRequest, startFakeArm } from "./fakeArm/server";

/** One certificate and two stand-in `az` (signed in, signed out) for a suite. */
export interface Workbench {
  readonly dir: string;
  readonly cert: LoopbackCertificate;
  readonly signedIn: AzStandIn;
  readonly signedOut: AzStandIn;
}

export function makeWorkbench(): Workbench {
  const dir = mkdtempSync(join(tmpdir(), "aks-ta-audit-"));
  return {
    dir,
    cert: makeLoopbackCertificate(dir),
    signedIn: makeAzStandIn(dir, true),
    signedOut: makeAzStandIn(dir, false),
  };
}

export interface ScenarioResult extends CliResult {
  readonly requests: readonly RecordedRequest[];
  /** The calls of the stand-in `az` during this run. */
  readonly azCalls: readonly string[];
}

/**
 * Starts a fake ARM with `setup`, runs the CLI against it (`--arm-endpoint`, `--credential cli` unless `args`
 * says otherwise, after `args`) and stops the server.
 */
export async function runScenario(
  bench: Workbench,
  setup: Omit<FakeArmSetup, "token">,
  args: readonly string[],
  options: { az?: AzStandIn; extraEnv?: Record<string, string> } = {},
): Promise<ScenarioResult> {
  const arm = await startFakeArm({ ...setup, token: TEST_TOKEN }, bench.cert);
  const az = options.az ?? bench.signedIn;
  const callsBefore = az.calls().length;
  try {
    const credential = args.includes("--credential") ? [] : ["--credential", "cli"];
    const result = await runCli([...args, "--arm-endpoint", arm.url, ...credential], {
      azDir: az.dir,
      caPath: bench.cert.certPath,
      ...(options.extraEnv === undefined ? {} : { extra: options.extraEnv }),
    });
    if (result.stderr.includes(GUARD_MARKER)) {
      throw new Error(`The CLI tried to leave 127.0.0.1:\n${result.stderr}`);
    }
    return { ...result, requests: [...arm.requests], azCalls: az.calls().slice(callsBefore) };
  } finally {
    await arm.close();
  }
}

const EXPECTED = join(__dirname, "..", "expected");

/** An expected output kept as a file beside the tests (reviewed by hand, never written by the tests). */
export function expected(name: string): string {
  return readFileSync(join(EXPECTED, name), "utf8");
}

/** An expected JSON document as the CLI prints it: two-space indentation, one newline at the end. */
export function expectedJson(name: string): string {
  return JSON.stringify(JSON.parse(expected(name)), null, 2) + "\n";
}
