import * as assert from "assert";
import { inspect } from "util";
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgumentsError } from "../../components/argumentsError";
import { ARM_ID_FORMS } from "../../domain";
import { clusterArgs, mlBinding } from "./support/fixtures";
import { runProgram } from "./support/harness";

// Pulumi's program runners (`run`, `run-plugin`) inspect every unhandled error with `util.inspect`, even one they
// then report by its message. The default inspection of a component's argument error walks the component it holds;
// for one AksCluster it ran 30 s, then failed for want of string length.
describe("a component's argument error, as Pulumi's runner reports it", () => {
  it("inspects as its stack, its messages first, without walking the component", async () => {
    const run = await runProgram(
      ({ AksCluster }) =>
        new AksCluster(
          "prod",
          clusterArgs({
            trustedAccess: { ml: mlBinding({ sourceResourceId: pulumi.output("my-workspace") }) },
          }),
        ),
    );
    assert.strictEqual(run.failures.length, 1);
    const [failure] = run.failures;
    assert.ok(failure instanceof ComponentArgumentsError, String(failure));
    const shown = inspect(failure, { colors: true });
    assert.strictEqual(shown, failure.stack);
    assert.ok(
      shown.startsWith(
        'Error: error serializing property "sourceResourceId": AksCluster "prod": trustedAccess["ml"].sourceResourceId ' +
          `"my-workspace" is not an Azure resource id (it does not start with /subscriptions/): expected ${ARM_ID_FORMS}.\n`,
      ),
      shown,
    );
  });
});
