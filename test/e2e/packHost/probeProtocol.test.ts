import * as assert from "assert";
import {
  Diagnostic,
  LogEntry,
  PackCallError,
  PackInputError,
  PackSession,
  PropertyMap,
  ResourceToAnalyze,
  StackResource,
  resourceReference,
  resourceUrn,
  secret,
  startPolicyPack,
  unknown,
} from "../../../cli/packHost";
import { fixturePack } from "../support/processes";

/**
 * Drives the probe pack (test/e2e/fixtures/probePack), whose policies report back what the policy SDK's server
 * decoded from our requests. So these tests check the wire format against the real decoder, not against ourselves.
 */
const PACK = fixturePack("probePack");
const STACK = { project: "probe-project", stack: "dev", tags: { team: "aks" } };
const urnOf = (type: string, name: string, parentUrn?: string): string =>
  resourceUrn({ stack: STACK.stack, project: STACK.project, type, name, parentUrn });

function thing(
  name: string,
  properties: PropertyMap,
  extra: Partial<ResourceToAnalyze> = {},
): ResourceToAnalyze {
  const type = extra.type ?? "probe:index:Thing";
  return { type, name, urn: urnOf(type, name), properties, ...extra };
}

/** The JSON an echo policy put after its description in the message. */
function echoed(diagnostic: Diagnostic | undefined): Record<string, unknown> {
  assert.ok(diagnostic, "expected a diagnostic");
  const body = diagnostic.message.slice(diagnostic.message.indexOf("\n") + 1);
  return JSON.parse(body) as Record<string, unknown>;
}

async function echoOf(session: PackSession, resource: ResourceToAnalyze): Promise<Record<string, unknown>> {
  const { diagnostics } = await session.analyze(resource);
  return echoed(diagnostics.find((d) => d.policyName === "echo-resource"));
}

async function eventually(logs: readonly LogEntry[], wanted: LogEntry): Promise<void> {
  // Output arrives on pipes after the RPC answer; wait for it (mocha's timeout bounds the wait).
  while (!logs.some((l) => JSON.stringify(l) === JSON.stringify(wanted))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("driving a pack over the Analyzer protocol", function () {
  this.timeout(120_000);
  let session: PackSession;

  before(async () => {
    session = await startPolicyPack(PACK, { stack: STACK });
  });
  after(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await session.configure({}); // back to each policy's own level
  });

  describe("GetAnalyzerInfo and GetPluginInfo", () => {
    it("lists the pack's policies by name with their type, level, severity and config schema", async () => {
      const info = await session.info();
      assert.strictEqual(info.name, "probe-pack");
      assert.strictEqual(info.version, "1.2.3", "the version comes from the pack's package.json");
      assert.strictEqual(info.supportsConfig, true);
      assert.deepStrictEqual(
        info.policies.map((p) => [p.name, p.policyType, p.enforcementLevel, p.severity]),
        [
          ["echo-resource", "resource", "advisory", "low"],
          ["echo-stack", "stack", "mandatory", "high"],
          ["explodes", "resource", "mandatory", undefined],
        ],
      );
      const echo = info.policies[0];
      assert.deepStrictEqual(echo.configSchema, {
        properties: { note: { type: "string", default: "none" } },
        required: [],
      });
      assert.strictEqual(echo.remediationSteps, "Nothing to fix: this is a test fixture.");
      assert.strictEqual(echo.url, "https://example.com/echo-resource");
      assert.strictEqual(info.policies[2].configSchema, undefined);
    });

    it("reports the version of the policy SDK serving the pack", async () => {
      // The SDK's package.json spells it "v1.21.0"; the server answers without the "v".
      const sdk = (await import("@pulumi/policy/package.json")) as { version: string };
      assert.strictEqual(await session.pluginVersion(), sdk.version.replace(/^v/, ""));
    });
  });

  describe("Analyze", () => {
    it("sends secrets as their values and leaves out internal keys at every depth, as the engine does", async () => {
      const echo = await echoOf(
        session,
        thing("secrets", {
          plain: 1,
          password: secret("hush"),
          nested: { __defaults: ["x"], keep: "yes", list: [secret(2), null] },
          __inputs: { resourceName: "aks-1" },
          dropped: undefined,
        }),
      );
      assert.deepStrictEqual(echo.props, {
        plain: 1,
        password: "hush",
        nested: { keep: "yes", list: [2, null] },
      });
    });

    it("sends a resource reference as its id, or as its URN when it has none", async () => {
      const component = urnOf("aks-trusted-access:index:AksCluster", "aks");
      const echo = await echoOf(
        session,
        thing("refs", {
          cluster: resourceReference(
            urnOf("azure-native:containerservice:ManagedCluster", "aks"),
            "/subscriptions/1",
          ),
          component: resourceReference(component),
        }),
      );
      assert.deepStrictEqual(echo.props, { cluster: "/subscriptions/1", component });
    });

    it("turns a read of an unknown value into the SDK's advisory note, naming the value's kind and path", async () => {
      const resource = thing("unknowns", { sku: { count: unknown("number") } });
      const { diagnostics } = await session.analyze(resource);
      assert.deepStrictEqual(diagnostics, [
        {
          policyName: "echo-resource",
          policyPackName: "probe-pack",
          policyPackVersion: "1.2.3",
          description: "Reports the inputs it was given.",
          message:
            "can't run policy 'echo-resource' from policy pack 'probe-pack@v1.2.3' during preview: " +
            "number value at .sku.count can't be known during preview",
          enforcementLevel: "advisory",
          urn: resource.urn,
          severity: "low",
        },
      ]);
    });

    it("files every diagnostic under the analysed resource, as the engine does", async () => {
      const resource = thing("owner", { a: "b" });
      const { diagnostics } = await session.analyze(resource);
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.policyName, d.urn, d.enforcementLevel]),
        [["echo-resource", resource.urn, "advisory"]],
      );
    });

    it("passes resource options as the CLI marshals them, deleteBeforeReplace only when it was set", async () => {
      const parent = urnOf("aks-trusted-access:index:AksCluster", "aks");
      const withOptions = await echoOf(
        session,
        thing(
          "options",
          {},
          {
            options: {
              parent,
              protect: true,
              ignoreChanges: ["tags"],
              deleteBeforeReplace: true,
              aliases: ["urn:pulumi:dev::probe-project::probe:index:Thing::old"],
              customTimeouts: { create: 600 },
            },
          },
        ),
      );
      assert.deepStrictEqual(withOptions.opts, {
        protect: true,
        ignoreChanges: ["tags"],
        aliases: ["urn:pulumi:dev::probe-project::probe:index:Thing::old"],
        customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        deleteBeforeReplace: true,
        parent,
      });
      const withoutOptions = await echoOf(session, thing("no-options", {}));
      assert.deepStrictEqual(withoutOptions.opts, {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
      });
    });

    it("passes the provider resource with its properties", async () => {
      const provider = {
        urn: urnOf("pulumi:providers:azure-native", "default_3_28_0"),
        type: "pulumi:providers:azure-native",
        name: "default_3_28_0",
        properties: { location: "westeurope", clientSecret: secret("s3cret") },
      };
      const echo = await echoOf(session, thing("provided", {}, { provider }));
      assert.deepStrictEqual(echo.provider, {
        urn: provider.urn,
        props: { location: "westeurope", clientSecret: "s3cret" },
      });
    });

    it("gives policies the stack tags and PULUMI_* settings of the stack", async () => {
      const echo = await echoOf(session, thing("stack-settings", {}));
      assert.deepStrictEqual(echo.stackTags, { team: "aks" });
      assert.deepStrictEqual(echo.env, { project: "probe-project", dryRun: "true" });
    });

    it("reports a policy that declares itself not applicable, with its reason", async () => {
      const result = await session.analyze(thing("other", {}, { type: "probe:index:NotMine" }));
      assert.deepStrictEqual(result, {
        diagnostics: [],
        notApplicable: [{ policyName: "echo-resource", reason: "probe resources only" }],
      });
    });

    it("fails the call, naming the method and the policy, when a policy throws", async () => {
      await assert.rejects(
        session.analyze(thing("bomb", {}, { type: "probe:index:Bomb" })),
        (err: unknown) => {
          assert.ok(err instanceof PackCallError);
          assert.ok(
            err.message.startsWith(
              `policy pack "${PACK}": Analyze failed: Error validating resource with policy 'explodes' from ` +
                "policy pack 'probe-pack@v1.2.3':\nError: the explodes policy blew up",
            ),
            err.message,
          );
          return true;
        },
      );
    });

    it("collects what the pack prints on stdout and stderr once it runs", async () => {
      await session.analyze(thing("logger", {}, { type: "probe:index:Logger" }));
      await eventually(session.logs, { source: "stdout", message: "a line on stdout" });
      await eventually(session.logs, { source: "stderr", message: "a line on stderr" });
      // Like the CLI, run-policy-pack drops the engine address, so the SDK's log falls back to stderr.
      await eventually(session.logs, {
        source: "stderr",
        message: "warning: [runtime] a warning through the Pulumi log",
      });
    });
  });

  describe("bad input from the caller", () => {
    it("rejects a value the protocol cannot carry, naming the resource and the property path", async () => {
      const resource = thing("bad", { hooks: { onCreate: () => 1 } } as unknown as PropertyMap);
      await assert.rejects(
        session.analyze(resource),
        new PackInputError(
          `analyze: resource "${resource.urn}": property "hooks.onCreate" is a function; a policy pack accepts ` +
            "null, booleans, numbers, strings, arrays, plain objects, unknown(), secret() and resourceReference()",
        ),
      );
    });

    it("rejects a resource without a URN", async () => {
      await assert.rejects(
        session.analyze({ ...thing("no-urn", {}), urn: "" }),
        new PackInputError('analyze: every resource needs a non-empty string "urn", got ""'),
      );
    });

    it("rejects an enforcement level the protocol does not have", async () => {
      await assert.rejects(
        session.configure({ "echo-resource": { enforcementLevel: "strict" as "mandatory" } }),
        new PackInputError(
          'configure: policy "echo-resource": enforcementLevel "strict" is not one of "advisory", "mandatory", ' +
            '"remediate", "disabled"',
        ),
      );
    });

    it("rejects config properties that are not JSON", async () => {
      const properties = { note: "ok", when: new Date(0) } as unknown as Record<string, string>;
      await assert.rejects(
        session.configure({ "echo-resource": { enforcementLevel: "advisory", properties } }),
        new PackInputError(
          'configure: policy "echo-resource": properties.when is an instance of Date; it must be JSON ' +
            "(null, boolean, number, string, array, object)",
        ),
      );
    });
  });

  describe("Configure", () => {
    it("applies a policy's enforcement level and properties", async () => {
      await session.configure({
        "echo-resource": { enforcementLevel: "mandatory", properties: { note: "hi" } },
      });
      const { diagnostics } = await session.analyze(thing("configured", {}));
      assert.strictEqual(diagnostics[0].enforcementLevel, "mandatory");
      assert.deepStrictEqual(echoed(diagnostics[0]).config, { note: "hi" });
    });

    it("silences a disabled policy, and a later Configure replaces the earlier one", async () => {
      await session.configure({ "echo-resource": { enforcementLevel: "disabled" } });
      assert.deepStrictEqual((await session.analyze(thing("disabled", {}))).diagnostics, []);
      await session.configure({});
      const { diagnostics } = await session.analyze(thing("re-enabled", {}));
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.policyName, d.enforcementLevel]),
        [["echo-resource", "advisory"]],
      );
    });
  });

  describe("AnalyzeStack", () => {
    it("gives stack policies each resource's parent, dependencies and property dependencies", async () => {
      const cluster: StackResource = {
        type: "azure-native:containerservice:ManagedCluster",
        name: "aks",
        urn: urnOf("azure-native:containerservice:ManagedCluster", "aks"),
        properties: { resourceName: "aks-1" },
      };
      const binding: StackResource = {
        type: "azure-native:containerservice:TrustedAccessRoleBinding",
        name: "aks-ml",
        urn: urnOf("azure-native:containerservice:TrustedAccessRoleBinding", "aks-ml", cluster.urn),
        properties: { resourceName: "aks-1" },
        parent: cluster.urn,
        dependencies: [cluster.urn],
        propertyDependencies: { resourceName: [cluster.urn], roles: [] },
      };
      const { diagnostics } = await session.analyzeStack([cluster, binding]);
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.policyName, d.urn, d.enforcementLevel, echoed(d)]),
        [
          [
            "echo-stack",
            cluster.urn,
            "mandatory",
            { parent: null, dependencies: [], propertyDependencies: {} },
          ],
          [
            "echo-stack",
            binding.urn,
            "mandatory",
            // An empty dependency list is not sent, as the CLI leaves it out.
            {
              parent: cluster.urn,
              dependencies: [cluster.urn],
              propertyDependencies: { resourceName: [cluster.urn] },
            },
          ],
        ],
      );
      assert.strictEqual(
        binding.urn,
        "urn:pulumi:dev::probe-project::azure-native:containerservice:ManagedCluster$" +
          "azure-native:containerservice:TrustedAccessRoleBinding::aks-ml",
      );
    });
  });
});
