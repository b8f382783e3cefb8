import * as assert from "assert";
import * as policySdk from "@pulumi/policy";
import { ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { formatSkipNote, parseSkipNote, previewSkipNote } from "../../domain";
import { PACK_POLICIES, reportingSkips, skipCheck, systemAssignedIdentity } from "../../policypack/policies";
import { runResourcePolicy, urnOf } from "./support/policyRunner";
import { NATIVE_CLUSTER, nativeClusterInputs, withField } from "./support/resources";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "./support/wire";

// The SDK's own error class, which its server turns into the advisory "can't run policy … during preview" note.
const UnknownValueError: abstract new (...args: never[]) => Error = policySdk.UnknownValueError;

const packPolicy = (name: string): ResourceValidationPolicy => {
  const policy = PACK_POLICIES.find((p) => p.name === name);
  if (policy === undefined || !("validateResource" in policy)) throw new Error(`no resource policy ${name}`);
  return policy;
};

/** The note a policy in the pack sends for a resource, read through the SDK's real unknown-checking proxy. */
async function noteOf(policy: ResourceValidationPolicy, props: object): Promise<string | undefined> {
  const resource = { type: NATIVE_CLUSTER, name: "aks", props };
  const prefix = `can't run policy '${policy.name}' during preview: `;
  const notes = (await runResourcePolicy(policy, resource)).filter((v) => v.message.startsWith(prefix));
  return notes.length === 0 ? undefined : notes.map((n) => n.message.slice(prefix.length)).join("\n");
}

describe("skipCheck: a policy says which checks it skipped on values known only after deployment", () => {
  const aks = urnOf({ type: NATIVE_CLUSTER, name: "aks", props: {} });

  it("sends a resource policy's skip as the SDK's UnknownValueError, naming the resource and the value", async () => {
    const props = withField(nativeClusterInputs(), "identity", { type: UNKNOWN_STRING });
    assert.strictEqual(
      await noteOf(packPolicy(systemAssignedIdentity.name), props),
      "values known only after deployment, so these checks were skipped:\n" + `- ${aks}: identity.type`,
    );
    assert.strictEqual(
      await noteOf(
        packPolicy(systemAssignedIdentity.name),
        withField(nativeClusterInputs(), "identity", UNKNOWN_OBJECT),
      ),
      "values known only after deployment, so these checks were skipped:\n" + `- ${aks}: identity`,
    );
  });

  it("sends nothing when no check was skipped, and nothing from a policy left unwrapped", async () => {
    assert.strictEqual(
      await noteOf(packPolicy(systemAssignedIdentity.name), nativeClusterInputs()),
      undefined,
    );
    const props = withField(nativeClusterInputs(), "identity", { type: UNKNOWN_STRING });
    assert.strictEqual(await noteOf(systemAssignedIdentity, props), undefined);
  });

  it("lists two skips of one resource on one line, and a stack policy's resources a line each", async () => {
    const policy = reportingSkips<StackValidationPolicy>({
      name: "two-skips",
      description: "Skips twice.",
      enforcementLevel: "mandatory",
      validateStack: (args) => {
        skipCheck(args, "roles", "urn:pulumi:s::p::t::a");
        skipCheck(args, "sourceResourceId", "urn:pulumi:s::p::t::a");
        skipCheck(args, "roles", "urn:pulumi:s::p::t::a");
        skipCheck(args, "tags", "urn:pulumi:s::p::t::b");
      },
    });
    const args: StackValidationArgs = {
      resources: [],
      stackTags: new Map(),
      getConfig: <T extends object>() => ({}) as T,
      notApplicable: () => {
        throw new Error("not used");
      },
    };
    await assert.rejects(Promise.resolve(policy.validateStack(args, () => undefined)), (error: Error) => {
      assert.ok(error instanceof UnknownValueError);
      assert.deepStrictEqual(parseSkipNote(error.message), [
        { urn: "urn:pulumi:s::p::t::a", unknown: "roles, sourceResourceId" },
        { urn: "urn:pulumi:s::p::t::b", unknown: "tags" },
      ]);
      return true;
    });
  });

  it("refuses a stack policy's skip that names no resource", () => {
    const args = { resources: [] } as unknown as StackValidationArgs;
    assert.throws(
      () => (skipCheck as unknown as (a: StackValidationArgs, u: string) => void)(args, "roles"),
      /^Error: skipCheck: a stack policy must name the resource it skipped$/,
    );
  });

  it("reads the note back from the SDK's diagnostic, and nothing from other text", () => {
    const note = formatSkipNote([{ urn: aks, unknown: "identity.type" }]);
    const message = `can't run policy 'p' from policy pack 'pack@v1.0.0' during preview: ${note}`;
    assert.strictEqual(previewSkipNote(message, "p"), note);
    assert.strictEqual(previewSkipNote(message, "other"), undefined);
    assert.strictEqual(previewSkipNote('AKS cluster "aks" declares no identity', "p"), undefined);
    assert.deepStrictEqual(parseSkipNote(note), [{ urn: aks, unknown: "identity.type" }]);
    assert.strictEqual(
      parseSkipNote("string value at .identity.type can't be known during preview"),
      undefined,
    );
  });
});
