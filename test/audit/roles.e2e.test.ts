import { strict as assert } from "node:assert";
import { RESEARCH, mainSubscriptions, westeuropeRoles } from "./support/estates";
import { Workbench, expected, expectedJson, makeWorkbench, runScenario } from "./support/scenario";

const ARM = { subscriptions: mainSubscriptions, roles: { westeurope: westeuropeRoles }, pageSize: 2 };
const rolesPath = (sub: string): string =>
  `/subscriptions/${sub}/providers/Microsoft.ContainerService/locations/westeurope/trustedAccessRoles`;

describe("aks-trusted-access roles", function () {
  this.timeout(120_000);
  let bench: Workbench;
  before(() => (bench = makeWorkbench()));

  it("lists a region's roles with their privilege as JSON, asking with the first subscription it sees", async () => {
    const run = await runScenario(bench, ARM, ["roles", "--location", "westeurope", "--output", "json"]);
    assert.equal(run.stdout, expectedJson("roles.westeurope.json"));
    assert.equal(run.stderr, "");
    assert.equal(run.code, 0);
    const first = mainSubscriptions[0].id;
    assert.deepEqual(
      run.requests
        .filter((q) => q.path.endsWith("/trustedAccessRoles"))
        .map((q) => [q.path, q.query.$skiptoken]),
      [undefined, "2", "4", "6"].map((skip) => [rolesPath(first), skip]),
    );
  });

  it("prints the table for a named subscription, with the region name in lower case", async () => {
    const run = await runScenario(bench, ARM, [
      "roles",
      "--location",
      "WestEurope",
      "--subscription",
      RESEARCH,
    ]);
    assert.equal(run.stdout, expected("roles.westeurope.txt"));
    assert.equal(run.code, 0);
  });

  it("prints the built-in catalog with --offline, without signing in", async () => {
    const run = await runScenario(bench, ARM, ["roles", "--offline"], { az: bench.signedOut });
    assert.equal(run.stdout, expected("roles.offline.txt"));
    assert.deepEqual(run.requests, []);
    assert.equal(run.code, 0);
  });

  it("asks for --location or --offline and exits 2", async () => {
    const run = await runScenario(bench, ARM, ["roles"]);
    assert.equal(
      run.stderr,
      "error: Give --location <region> (e.g. westeurope) to ask Azure, or --offline for the built-in catalog.\n",
    );
    assert.equal(run.code, 2);
  });

  it("reports a region Azure does not know with Azure's reason and exits 2", async () => {
    const run = await runScenario(
      bench,
      {
        ...ARM,
        faults: [
          {
            method: "GET",
            path: rolesPath(RESEARCH).replace("westeurope", "atlantis"),
            failure: {
              status: 404,
              code: "LocationNotFound",
              message: "The location 'atlantis' is not available.",
            },
          },
        ],
      },
      ["roles", "--location", "atlantis", "--subscription", RESEARCH],
    );
    assert.equal(
      run.stderr,
      `error: Could not list the Trusted Access roles of atlantis with subscription ${RESEARCH}: HTTP 404 ` +
        "LocationNotFound: The location 'atlantis' is not available.\n",
    );
    assert.equal(run.code, 2);
  });
});
