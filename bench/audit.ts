/**
 * Benchmark of `aks-trusted-access audit` (issue 5): 50 subscriptions × 20 clusters behind a fake Resource Manager
 * that answers every request after 20 ms, audited with the default concurrency against the same audit at
 * concurrency 1, the shape of the manual `az` loop. Target: a speed-up of at least 0.8 × the concurrency.
 * Run alone with `npx ts-node bench/audit.ts`; `benchmarkAudit` is what `npm run bench` calls.
 */
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { formatJson } from "../cli/audit/format/json";
import { CHECKED_RULES } from "../cli/audit/rules";
import { loadEnforcement } from "../cli/audit/policyConfig";
import { AuditOptions, runAudit } from "../cli/audit/runAudit";
import { TEST_TOKEN, makeAzStandIn } from "../test/audit/support/azStandIn";
import { makeLoopbackCertificate } from "../test/audit/support/certificate";
import type { FakeArmSetup, FakeCluster, FakeSubscription } from "../test/audit/support/fakeArm/estate";
import { Comparison, Rounds, compareSideBySide, timeMs } from "./measure";

export interface AuditBenchmarkOptions {
  readonly subscriptions: number;
  readonly clustersPerSubscription: number;
  /** Server latency added to every request. */
  readonly latencyMs: number;
  /** The audit's concurrency, compared with 1. */
  readonly concurrency: number;
  readonly rounds: Rounds;
}

export interface AuditBenchmarkResult {
  readonly options: AuditBenchmarkOptions;
  /** Azure requests one audit makes. */
  readonly requestsPerAudit: number;
  readonly concurrentMedianMs: number;
  readonly serialMedianMs: number;
  /** Serial time over concurrent time (median of the per-round ratios). */
  readonly speedup: number;
  /** 0.8 × concurrency. */
  readonly target: number;
  readonly passed: boolean;
  readonly comparison: Comparison;
}

export const DEFAULT_AUDIT_BENCHMARK: AuditBenchmarkOptions = {
  subscriptions: 50,
  clustersPerSubscription: 20,
  latencyMs: 20,
  concurrency: 8,
  rounds: { warmups: 0, runs: 3 },
};

const SUCCEEDED = "Succeeded" as const;

function estate(options: AuditBenchmarkOptions): FakeSubscription[] {
  return Array.from({ length: options.subscriptions }, (_, s) => {
    const id = `00000000-0000-0000-0000-${String(s + 1).padStart(12, "0")}`;
    const clusters = Array.from({ length: options.clustersPerSubscription }, (__, c): FakeCluster => {
      const source = `/subscriptions/${id}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-${c}`;
      return {
        resourceGroup: `rg-${c % 4}`,
        name: `aks-${c}`,
        location: "westeurope",
        identity: "SystemAssigned",
        // One cluster in five has no binding, as in an estate half-way through adopting Trusted Access.
        bindings:
          c % 5 === 0
            ? []
            : [
                {
                  name: "ml",
                  roles: ["Microsoft.MachineLearningServices/workspaces/mlworkload"],
                  sourceResourceId: source,
                  provisioningState: SUCCEEDED,
                },
              ],
      };
    });
    return { id, displayName: `Subscription ${s + 1}`, clusters };
  });
}

async function startServer(
  dir: string,
  setup: FakeArmSetup,
  certPath: string,
): Promise<{ url: string; child: ChildProcess }> {
  // The setup goes through a file: 1,000 clusters are too many for an environment variable.
  const input = join(dir, "server.json");
  writeFileSync(input, JSON.stringify({ setup, certPath, keyPath: join(dir, "arm-key.pem") }));
  const server = join(__dirname, "auditServer.ts");
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", server, input], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.on("exit", (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
  return { url, child };
}

export async function benchmarkAudit(
  options: AuditBenchmarkOptions = DEFAULT_AUDIT_BENCHMARK,
): Promise<AuditBenchmarkResult> {
  const dir = mkdtempSync(join(tmpdir(), "aks-ta-bench-"));
  const cert = makeLoopbackCertificate(dir);
  const az = makeAzStandIn(dir, true);
  const subscriptions = estate(options);
  // Pages of 100, as Resource Manager's lists: every cluster list fits one page.
  const setup: FakeArmSetup = {
    subscriptions,
    pageSize: 100,
    latencyMs: options.latencyMs,
    token: TEST_TOKEN,
  };
  const server = await startServer(dir, setup, cert.certPath);
  const path = process.env.PATH;
  process.env.PATH = `${az.dir}${delimiter}${path ?? ""}`;
  try {
    const enforcement = await loadEnforcement();
    const audit = (concurrency: number): AuditOptions => ({
      cloud: "AzureCloud",
      armEndpoint: server.url,
      credential: "cli",
      trustedCa: cert.cert,
      subscriptions: subscriptions.map((s) => s.id),
      resourceGraph: false,
      concurrency,
      rules: CHECKED_RULES,
      requireMaintenanceWindow: false,
      enforcement,
    });
    const reference = formatJson(await runAudit(audit(options.concurrency)));
    const timed = (concurrency: number) => async (): Promise<number> => {
      let report = "";
      const ms = await timeMs(async () => (report = formatJson(await runAudit(audit(concurrency)))));
      if (report !== reference)
        throw new Error(`the audit at concurrency ${concurrency} reported something else`);
      return ms;
    };
    const comparison = await compareSideBySide(options.rounds, timed(options.concurrency), timed(1));
    const speedup = 1 / comparison.ratio;
    const target = 0.8 * options.concurrency;
    return {
      options,
      // Per subscription: its lookup, its cluster list and one binding list per cluster.
      requestsPerAudit: options.subscriptions * (2 + options.clustersPerSubscription),
      concurrentMedianMs: comparison.subject.medianMs,
      serialMedianMs: comparison.baseline.medianMs,
      speedup,
      target,
      passed: speedup >= target,
      comparison,
    };
  } finally {
    process.env.PATH = path;
    server.child.stdin?.end();
  }
}

if (require.main === module) {
  benchmarkAudit().then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.exitCode = result.passed ? 0 : 1;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
