import * as assert from "assert";
import { unknown } from "../../../cli/packHost";
import { TrustedAccessRole } from "../../../domain";
import { analyzeLikeTheEngine, skippedLikeTheEngine } from "../support/engineRun";
import { POLICY, TRUSTED_ACCESS_POLICIES, uncovered, verdict } from "../support/expected";
import { CLUSTER_GROUP, packForSuite } from "../support/scenarios";
import { TestStack } from "../support/testStack";

/**
 * The pack started as the CLI starts it, over gRPC: a check skipped on a value unknown in preview comes back as
 * the policy SDK's advisory "can't run policy … during preview" diagnostic, one line per resource, which `check`
 * counts; the policy still checks everything else, a stack policy the stack's other resources.
 */
describe("the pack over a preview with unknown values: skipped checks", function () {
  this.timeout(180_000);
  const pack = packForSuite();

  /** Two clusters bound to ML workspaces created in the same preview, and a third with no binding. */
  function previewStack(): { stack: TestStack; urns: Record<"a" | "b" | "c" | "aMl" | "bMl", string> } {
    const stack = new TestStack();
    const a = stack.nativeCluster("a", {
      resourceGroupName: CLUSTER_GROUP,
      resourceName: "aks-a",
      identity: { type: "SystemAssigned" },
    });
    const b = stack.nativeCluster("b", {
      resourceGroupName: CLUSTER_GROUP,
      resourceName: "aks-b",
      identity: { type: "SystemAssigned" },
    });
    const c = stack.nativeCluster("c", {
      resourceGroupName: CLUSTER_GROUP,
      resourceName: "aks-c",
      identity: { type: unknown() },
    });
    const binding = (name: string, cluster: string) => ({
      resourceGroupName: CLUSTER_GROUP,
      resourceName: cluster,
      trustedAccessRoleBindingName: name,
      roles: [TrustedAccessRole.MachineLearningWorkload],
      sourceResourceId: unknown(),
    });
    const aMl = stack.nativeBinding("a-ml", binding("ml", "aks-a"));
    const bMl = stack.nativeBinding("b-ml", binding("ml", "aks-b"));
    const urns = {
      a: a.state.urn,
      b: b.state.urn,
      c: c.state.urn,
      aMl: aMl.state.urn,
      bMl: bMl.state.urn,
    };
    return { stack, urns };
  }

  it("reports each skipped check with its policy, resource and unknown value", async () => {
    const { stack, urns } = previewStack();
    const skips = await skippedLikeTheEngine(pack(), stack);
    assert.deepStrictEqual(
      skips.map((s) => [s.policyName, s.urn, s.unknown]),
      [
        [POLICY.identity, urns.c, "identity.type"],
        [POLICY.bindingValid, urns.aMl, "sourceResourceId"],
        [POLICY.bindingValid, urns.bMl, "sourceResourceId"],
        [POLICY.bindingLimits, urns.a, 'the source of binding "a-ml"'],
        [POLICY.bindingLimits, urns.b, 'the source of binding "b-ml"'],
      ],
    );
    assert.deepStrictEqual(new Set(skips.map((s) => s.policyPackName)), new Set(["aks-trusted-access"]));
  });

  it("still checks the rest: the stack policy flags the cluster without a binding beside its skips", async () => {
    const { stack, urns } = previewStack();
    // The related rules' advisory findings on these bare clusters are the subject of stacksClusterRules.test.ts.
    assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
      verdict(POLICY.required, "mandatory", urns.c, uncovered("c", "aks-c")),
    ]);
  });

  it("sends each policy's skips as one advisory diagnostic the Pulumi CLI shows as a warning", async () => {
    const { stack, urns } = previewStack();
    const session = pack();
    const diagnostics = (await session.analyzeStack(stack.resources.map((r) => r.state))).diagnostics;
    const version = (await session.info()).version;
    assert.deepStrictEqual(
      diagnostics
        .filter((d) =>
          TRUSTED_ACCESS_POLICIES.includes(d.policyName as (typeof TRUSTED_ACCESS_POLICIES)[number]),
        )
        .map((d) => [d.policyName, d.enforcementLevel, d.urn, d.message]),
      [
        [
          POLICY.required,
          "mandatory",
          urns.c,
          verdict(POLICY.required, "mandatory", urns.c, uncovered("c", "aks-c")).message,
        ],
        [
          POLICY.bindingLimits,
          "advisory",
          undefined,
          `can't run policy '${POLICY.bindingLimits}' from policy pack 'aks-trusted-access@v${version}' during ` +
            "preview: values known only after deployment, so these checks were skipped:\n" +
            `- ${urns.a}: the source of binding "a-ml"\n` +
            `- ${urns.b}: the source of binding "b-ml"`,
        ],
      ],
    );
  });
});
