import * as assert from "assert";
import { TrustedAccessRole } from "../../domain";
import { PrivilegedRolesConfig, privilegedRoles } from "../../policypack/policies";
import { runResourcePolicy } from "./support/policyRunner";
import {
  CLASSIC_BINDING,
  NATIVE_BINDING,
  NATIVE_BINDING_V20230901,
  NATIVE_CLUSTER,
  classicBindingProps,
  nativeBindingInputs,
  nativeBindingOutputs,
  resource,
  withField,
} from "./support/resources";
import { UNKNOWN_ARRAY, UNKNOWN_STRING } from "./support/wire";

const INFERENCE = TrustedAccessRole.MachineLearningInference;
const ML = TrustedAccessRole.MachineLearningWorkload;
const INFERENCE_WARNING =
  `Trusted Access role binding "aks-ml" grants "${INFERENCE}", which reads or writes secrets, allows ` +
  "pods/exec and writes RBAC objects (clusterroles, clusterrolebindings): whoever controls its source " +
  "resource gets these rights in the cluster. Keep the role only if the integration needs it and list it in " +
  "this policy's allowedRoles; otherwise remove it from the binding's roles.";

const FUTURE_ROLE = "Microsoft.MachineLearningServices/workspaces/future-role";
// The components warn of such a role in the same words, then this policy says what to do.
const FUTURE_ROLE_WARNING =
  `Trusted Access role binding "aks-ml": roles[1] "${FUTURE_ROLE}" is not in this package's role catalog (a ` +
  "westeurope snapshot). Azure adds roles by region: check that your cluster's region offers it with " +
  "`az aks trustedaccess role list --location <cluster-location>`. What it allows in the cluster is unknown " +
  "here: check its spelling, and once reviewed list it in this policy's allowedRoles.";

interface Case {
  readonly name: string;
  readonly type: string;
  readonly props: object;
  readonly config?: PrivilegedRolesConfig;
  readonly expected: string[];
}

describe("aks-trusted-access-privileged-roles", () => {
  it("is advisory", () => assert.strictEqual(privilegedRoles.enforcementLevel, "advisory"));

  const cases: Case[] = [
    {
      name: "passes a binding of mlworkload only",
      type: NATIVE_BINDING,
      props: nativeBindingInputs(),
      expected: [],
    },
    {
      name: "flags inference-v1, which may read secrets, exec into pods and write cluster roles",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [ML, INFERENCE] }),
      expected: [INFERENCE_WARNING],
    },
    {
      name: "flags it in an API-version module",
      type: NATIVE_BINDING_V20230901,
      props: nativeBindingInputs({ roles: [INFERENCE] }),
      expected: [INFERENCE_WARNING],
    },
    {
      name: "flags it in a classic binding",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ roles: [INFERENCE] }),
      expected: [INFERENCE_WARNING],
    },
    {
      name: "names the role as the catalog spells it and flags it once however often it is listed",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [INFERENCE.toLowerCase(), INFERENCE] }),
      expected: [INFERENCE_WARNING],
    },
    {
      name: "accepts a role listed in allowedRoles, ignoring case",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [ML, INFERENCE] }),
      config: { allowedRoles: [INFERENCE.toUpperCase()] },
      expected: [],
    },
    {
      name: "still flags it when allowedRoles names other roles",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [INFERENCE] }),
      config: { allowedRoles: [ML] },
      expected: [INFERENCE_WARNING],
    },
    {
      name: "reads the roles of an existing binding's outputs",
      type: NATIVE_BINDING,
      props: nativeBindingOutputs({ roles: [INFERENCE] }),
      expected: [INFERENCE_WARNING],
    },
    {
      name: "flags a well-formed role the catalog does not hold (misspelt, or newer): its rights are unknown",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [ML, FUTURE_ROLE, FUTURE_ROLE.toUpperCase()] }),
      expected: [FUTURE_ROLE_WARNING],
    },
    {
      name: "accepts a role the catalog does not hold once allowedRoles lists it",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ roles: [FUTURE_ROLE] }),
      config: { allowedRoles: [FUTURE_ROLE] },
      expected: [],
    },
    {
      name: "leaves a malformed role to binding-valid",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: ["mlworkload", "Microsoft.MachineLearningServices/workspaces/"] }),
      expected: [],
    },
    {
      name: "skips a role unknown during preview and still flags the known one",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [UNKNOWN_STRING, INFERENCE] }),
      expected: [INFERENCE_WARNING],
    },
    {
      name: "says nothing while the roles list is unknown during preview",
      type: NATIVE_BINDING,
      props: withField(nativeBindingInputs(), "roles", UNKNOWN_ARRAY),
      expected: [],
    },
    {
      name: "ignores malformed roles (binding-valid reports them)",
      type: CLASSIC_BINDING,
      props: withField(classicBindingProps(), "roles", { 0: INFERENCE }),
      expected: [],
    },
    {
      name: "ignores resources that are not bindings",
      type: NATIVE_CLUSTER,
      props: nativeBindingInputs({ roles: [INFERENCE] }),
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const violations = await runResourcePolicy(
        privilegedRoles,
        resource(c.type, "aks-ml", c.props),
        c.config,
      );
      assert.deepStrictEqual(
        violations.map((v) => v.message),
        c.expected,
      );
    });
  }
});
