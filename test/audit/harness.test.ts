import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { request } from "node:https";
import { join } from "node:path";
import { TEST_TOKEN } from "./support/azStandIn";
import { GUARD_MARKER } from "./support/loopbackGuard";
import { PRODUCTION, mainSubscriptions } from "./support/estates";
import { clusterListPath } from "./support/fakeArm/estate";
import { FakeArm, startFakeArm } from "./support/fakeArm/server";
import { Workbench, makeWorkbench } from "./support/scenario";

const GUARD = join(__dirname, "support", "loopbackGuard.ts");

// The test harness must fail when the SDK gets the API wrong: these tests show that it does.

function get(
  arm: FakeArm,
  ca: string,
  path: string,
  token: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${arm.url}${path}`, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on("error", reject).end();
  });
}

describe("the fake Resource Manager", () => {
  let bench: Workbench;
  let arm: FakeArm;
  before(async () => {
    bench = makeWorkbench();
    arm = await startFakeArm(
      { subscriptions: mainSubscriptions, pageSize: 2, token: TEST_TOKEN },
      bench.cert,
    );
  });
  after(() => arm.close());

  it("refuses an api-version the SDK in use would not send", async () => {
    const reply = await get(
      arm,
      bench.cert.cert,
      `${clusterListPath(PRODUCTION)}?api-version=2023-09-01`,
      TEST_TOKEN,
    );
    assert.deepEqual(reply, {
      status: 400,
      body: {
        error: {
          code: "InvalidApiVersionParameter",
          message: "The api-version '2023-09-01' is invalid. The supported versions are '2026-04-01'.",
        },
      },
    });
  });

  it("refuses a request without the test token", async () => {
    const reply = await get(arm, bench.cert.cert, "/subscriptions?api-version=2022-12-01", "other");
    assert.equal(reply.status, 401);
  });

  it("pages with a nextLink that carries the api-version", async () => {
    const reply = await get(arm, bench.cert.cert, "/subscriptions?api-version=2022-12-01", TEST_TOKEN);
    assert.equal(
      (reply.body as { nextLink: string }).nextLink,
      `${arm.url}/subscriptions?api-version=2022-12-01&%24skiptoken=2`,
    );
  });
});

describe("the loopback guard", () => {
  it("refuses a connection beyond 127.0.0.1 before any name lookup, and says so", () => {
    const script =
      'require("node:https").get("https://login.microsoftonline.com/", () => process.exit(3))' +
      '.on("error", (e) => { console.log(e.code); process.exit(0); });';
    const run = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "-r", GUARD, "-e", script],
      {
        encoding: "utf8",
      },
    );
    assert.equal(run.stdout, "ECONNREFUSED\n");
    assert.equal(run.stderr, `${GUARD_MARKER} login.microsoftonline.com:443\n`);
    assert.equal(run.status, 0);
  });

  it("refuses a name lookup of a remote host", () => {
    const script = 'require("node:dns").lookup("management.azure.com", (e) => { console.log(e.code); });';
    const run = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "-r", GUARD, "-e", script],
      {
        encoding: "utf8",
      },
    );
    assert.equal(run.stdout, "ECONNREFUSED\n");
    assert.equal(run.stderr, `${GUARD_MARKER} lookup of management.azure.com\n`);
  });
});
