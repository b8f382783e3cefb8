import * as assert from "assert";
import { systemAssignedIdentity } from "../../policypack/policies";
import { runResourcePolicy } from "./support/policyRunner";
import {
  CLASSIC_BINDING,
  CLASSIC_CLUSTER,
  NATIVE_CLUSTER,
  NATIVE_CLUSTER_V20240901,
  classicClusterProps,
  nativeClusterInputs,
  resource,
  withField,
  withoutField,
} from "./support/resources";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "./support/wire";

const FIX =
  'set identity: { type: "SystemAssigned" } (the AksCluster component always does), since Trusted Access ' +
  "reaches the cluster through its system-assigned managed identity.";

describe("aks-cluster-system-assigned-identity", () => {
  const cases: { name: string; type: string; props: object; expected: string[] }[] = [
    {
      name: "passes an azure-native cluster with SystemAssigned",
      type: NATIVE_CLUSTER,
      props: nativeClusterInputs(),
      expected: [],
    },
    {
      name: "passes a cluster of an API-version module",
      type: NATIVE_CLUSTER_V20240901,
      props: nativeClusterInputs(),
      expected: [],
    },
    {
      name: "passes a classic cluster with SystemAssigned",
      type: CLASSIC_CLUSTER,
      props: classicClusterProps(),
      expected: [],
    },
    {
      name: "accepts the identity type in any case, as ARM does",
      type: NATIVE_CLUSTER,
      props: withField(nativeClusterInputs(), "identity", { type: "systemassigned" }),
      expected: [],
    },
    {
      name: "flags a user-assigned identity",
      type: NATIVE_CLUSTER,
      props: nativeClusterInputs({ identity: { type: "UserAssigned" } }),
      expected: [`AKS cluster "aks" has identity.type "UserAssigned": ${FIX}`],
    },
    {
      name: "flags a classic cluster with a user-assigned identity",
      type: CLASSIC_CLUSTER,
      props: classicClusterProps({ identity: { type: "UserAssigned", identityIds: ["/x"] } }),
      expected: [`AKS cluster "aks" has identity.type "UserAssigned": ${FIX}`],
    },
    {
      name: "flags the None identity type",
      type: NATIVE_CLUSTER_V20240901,
      props: nativeClusterInputs({ identity: { type: "None" } }),
      expected: [`AKS cluster "aks" has identity.type "None": ${FIX}`],
    },
    {
      name: "flags a cluster without identity (azure-native)",
      type: NATIVE_CLUSTER,
      props: withoutField(nativeClusterInputs(), "identity"),
      expected: [`AKS cluster "aks" declares no identity: ${FIX}`],
    },
    {
      name: "flags a classic cluster without identity (a service principal cluster)",
      type: CLASSIC_CLUSTER,
      props: withoutField(classicClusterProps(), "identity"),
      expected: [`AKS cluster "aks" declares no identity: ${FIX}`],
    },
    {
      name: "flags a null identity",
      type: NATIVE_CLUSTER,
      props: withField(nativeClusterInputs(), "identity", null),
      expected: [`AKS cluster "aks" declares no identity: ${FIX}`],
    },
    {
      name: "flags an identity block without a type",
      type: NATIVE_CLUSTER,
      props: withField(nativeClusterInputs(), "identity", {}),
      expected: [`AKS cluster "aks" has identity.type undefined: ${FIX}`],
    },
    {
      name: "flags an identity type that is not a string",
      type: NATIVE_CLUSTER,
      props: withField(nativeClusterInputs(), "identity", { type: 42 }),
      expected: [`AKS cluster "aks" has identity.type 42: ${FIX}`],
    },
    {
      name: "flags an identity that is a bare string rather than a block",
      type: CLASSIC_CLUSTER,
      props: withField(classicClusterProps(), "identity", "SystemAssigned"),
      expected: [`AKS cluster "aks" has identity "SystemAssigned": ${FIX}`],
    },
    {
      name: "says nothing while the identity block is unknown during preview",
      type: NATIVE_CLUSTER,
      props: withField(nativeClusterInputs(), "identity", UNKNOWN_OBJECT),
      expected: [],
    },
    {
      name: "says nothing while the identity type is unknown during preview",
      type: NATIVE_CLUSTER,
      props: withField(nativeClusterInputs(), "identity", { type: UNKNOWN_STRING }),
      expected: [],
    },
    {
      name: "ignores resources that are not clusters",
      type: CLASSIC_BINDING,
      props: withoutField(classicClusterProps(), "identity"),
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const violations = await runResourcePolicy(systemAssignedIdentity, resource(c.type, "aks", c.props));
      assert.deepStrictEqual(
        violations.map((v) => v.message),
        c.expected,
      );
    });
  }
});
