import { strict as assert } from "node:assert";
import { mainFaults, mainSubscriptions } from "./support/estates";
import { Workbench, makeWorkbench, runScenario } from "./support/scenario";

// Sign-in failures, each through the real @azure/identity credential class. Nothing here may reach Entra ID or
// the instance metadata service: the child's environment has no AZURE_* variable but
// AZURE_POD_IDENTITY_AUTHORITY_HOST, which points managed identity at a closed loopback port, and the loopback
// guard fails the run on any other host.

const MAIN = { subscriptions: mainSubscriptions, faults: mainFaults, pageSize: 2 };
const OTHERS =
  "Or choose another --credential: default, cli, environment, managed-identity, workload-identity.";

describe("aks-trusted-access audit when it cannot sign in", function () {
  this.timeout(120_000);
  let bench: Workbench;
  before(() => (bench = makeWorkbench()));

  it("says AzureCliCredential needs `az login`, calls Azure for nothing and exits 2", async () => {
    const run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions", "--credential", "cli"], {
      az: bench.signedOut,
    });
    assert.equal(
      run.stderr,
      "error: Could not sign in to Azure with AzureCliCredential (--credential cli): Please run 'az login' from a " +
        "command prompt to authenticate before using this credential.\n" +
        "Run `az login` (after `az cloud set --name <cloud>` for a cloud other than AzureCloud). " +
        `${OTHERS}\n`,
    );
    assert.equal(run.stdout, "");
    assert.deepEqual(run.requests, []);
    assert.equal(run.code, 2);
  });

  it("names the environment variables EnvironmentCredential reads", async () => {
    const run = await runScenario(bench, MAIN, [
      "audit",
      "--all-subscriptions",
      "--credential",
      "environment",
    ]);
    assert.equal(
      run.stderr,
      "error: Could not sign in to Azure with EnvironmentCredential (--credential environment): EnvironmentCredential " +
        "is unavailable. No underlying credential could be used. To troubleshoot, visit " +
        "https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.\n" +
        "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH). " +
        `${OTHERS}\n`,
    );
    assert.equal(run.code, 2);
  });

  it("lists what each credential of the DefaultAzureCredential chain said, on loopback only", async () => {
    const run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions", "--credential", "default"], {
      az: bench.signedOut,
    });
    const lines = run.stderr.trimEnd().split("\n");
    assert.equal(
      lines[0],
      "error: Could not sign in to Azure with DefaultAzureCredential (--credential default): ChainedTokenCredential " +
        "authentication failed.",
    );
    for (const credential of [
      "EnvironmentCredential",
      "ManagedIdentityCredential",
      "Please run 'az login'",
    ]) {
      assert.ok(
        lines.some((l) => l.startsWith("CredentialUnavailableError: ") && l.includes(credential)),
        credential,
      );
    }
    assert.equal(
      lines[lines.length - 1],
      "Run `az login`, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or " +
        `AZURE_CLIENT_CERTIFICATE_PATH) for a service principal. ${OTHERS}`,
    );
    assert.deepEqual(run.requests, []);
    assert.equal(run.code, 2);
  });
});
