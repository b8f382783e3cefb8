import * as assert from "assert";
import * as path from "path";
import { REPO } from "../support/builtPackage";
import { ISOLATES_NETWORK, PulumiSandbox } from "./support/pulumiSandbox";
import { requireRealCli } from "./support/realCliTools";

describe("the real-CLI sandbox is offline by construction", function () {
  this.timeout(60_000);
  let sandbox: PulumiSandbox;
  before(async function () {
    const tools = requireRealCli(this);
    if (!ISOLATES_NETWORK) {
      // `unshare --net` needs root or user namespaces; CI runs as root, so there it must work.
      if (process.env.CI === "true")
        throw new Error("unshare --net is refused, so CLI runs are not isolated");
      this.skip();
    }
    sandbox = await PulumiSandbox.create(tools);
  });
  after(() => sandbox?.dispose());

  it("refuses a program's connection beyond 127.0.0.1, so the preview fails", async () => {
    const dir = path.join(REPO, "test/realCli/fixtures/reaches-out");
    await sandbox.initStack(dir);
    const run = await sandbox.pulumi(["preview"], { cwd: dir });
    assert.notStrictEqual(run.code, 0);
    assert.match(run.stdout, /refused beyond loopback: ENETUNREACH/);
  });
});
