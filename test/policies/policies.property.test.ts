import * as assert from "assert";
import fc from "fast-check";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { catalogRoles } from "../../domain";
import { PACK_POLICIES } from "../../policypack/policies";
import { bindingsOf, clusterBindings } from "../../policypack/readers/bindingLinks";
import { stackInventory } from "../../policypack/readers/stackResources";
import {
  StackResourceFixture,
  Violation,
  policyResources,
  runResourcePolicy,
  runStackPolicy,
} from "./support/policyRunner";
import {
  BACKUP_VAULT_ID,
  CLASSIC_BINDING,
  CLASSIC_CLUSTER,
  CLUSTER_ID,
  ML_WORKSPACE_ID,
  NATIVE_BINDING,
  NATIVE_BINDING_V20230901,
  NATIVE_CLUSTER,
  NATIVE_CLUSTER_V20240901,
  SUBSCRIPTION,
  CLASSIC_NODE_POOL,
  KEY_ID,
  KEY_VAULT_ID,
  NATIVE_AGENT_POOL,
  NATIVE_AGENT_POOL_V20240901,
  NATIVE_MAINTENANCE,
  NATIVE_MAINTENANCE_V20240901,
  classicBindingProps,
  classicClusterProps,
  classicNodePoolProps,
  compliantClassicClusterProps,
  compliantNativeClusterInputs,
  compliantNativeClusterOutputs,
  nativeAgentPoolInputs,
  nativeAgentPoolOutputs,
  nativeMaintenanceInputs,
  nativeMaintenanceOutputs,
  nativeBindingInputs,
  nativeBindingOutputs,
  nativeClusterInputs,
  nativeClusterOutputs,
} from "./support/resources";
import { UNKNOWN_SENTINELS, UNKNOWN_STRING, overTheWire } from "./support/wire";

/**
 * Thousands of random and malformed property bags, unknowns among them, sent to every policy through the SDK's
 * real proxy. What this proves: no exception escapes a policy, the same input always gets the same verdict,
 * no message leaks an unknown, and making a value unknown never adds a mandatory violation. It does not prove
 * any verdict right: the example tests beside it do that.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIELDS = [
  "resourceGroupName",
  "resourceName",
  "trustedAccessRoleBindingName",
  "name",
  "roles",
  "sourceResourceId",
  "kubernetesClusterId",
  "identity",
  "type",
  "tags",
  "id",
  "__inputs",
  "trusted-access-exempt",
  "__proto__",
  "constructor",
  // The cluster rules' shapes: node pools, upgrade channels, the API server, KMS, maintenance windows.
  "agentPoolProfiles",
  "agentPoolName",
  "enableFIPS",
  "fipsEnabled",
  "osType",
  "osSKU",
  "osSku",
  "defaultNodePool",
  "autoUpgradeProfile",
  "nodeOSUpgradeChannel",
  "upgradeChannel",
  "nodeOsUpgradeChannel",
  "apiServerAccessProfile",
  "enablePrivateCluster",
  "privateClusterEnabled",
  "securityProfile",
  "azureKeyVaultKms",
  "keyManagementService",
  "configName",
  "maintenanceWindow",
  "durationHours",
  "maintenanceWindowNodeOs",
  "duration",
];
const TYPES = [
  NATIVE_CLUSTER,
  NATIVE_CLUSTER_V20240901,
  NATIVE_BINDING,
  NATIVE_BINDING_V20230901,
  CLASSIC_CLUSTER,
  CLASSIC_BINDING,
  NATIVE_AGENT_POOL,
  NATIVE_AGENT_POOL_V20240901,
  NATIVE_MAINTENANCE,
  NATIVE_MAINTENANCE_V20240901,
  CLASSIC_NODE_POOL,
  "azure-native:containerservice/v2024:ManagedCluster",
  "azure-native:resources:ResourceGroup",
];
const ROLES = catalogRoles.map((r) => r.role);
const NAMES = ["aks", "aks-prod", "AKS-PROD", "rg-aks", "ml", "ML", "b0", "x"];

const sentinel = fc.constantFrom(...UNKNOWN_SENTINELS);
const telling = fc.constantFrom(
  ...NAMES,
  ...ROLES,
  CLUSTER_ID,
  CLUSTER_ID.toUpperCase(),
  `${CLUSTER_ID}/trustedAccessRoleBindings/ml`,
  ML_WORKSPACE_ID,
  BACKUP_VAULT_ID,
  "SystemAssigned",
  "UserAssigned",
  "",
  "NodeImage",
  "SecurityPatch",
  "None",
  "node-image",
  "Windows",
  "Windows2019",
  "Windows2022",
  "Linux",
  "Private",
  "Public",
  "aksManagedNodeOSUpgradeSchedule",
  KEY_ID,
  KEY_VAULT_ID,
);
const knownLeaf: fc.Arbitrary<Json> = fc.oneof(
  telling,
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 }));
const jsonOf = (leaf: fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
  fc.letrec<{ json: Json }>((tie) => ({
    json: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("json"), { maxLength: 4 }),
      fc.dictionary(key, tie("json"), { maxKeys: 4 }),
    ),
  })).json;
/** Property values, unknowns among them. */
const json = jsonOf(fc.oneof(knownLeaf, sentinel));

/** Bags that are almost right: a real shape with a few fields replaced by anything. */
const BASES: readonly object[] = [
  nativeClusterInputs(),
  nativeClusterOutputs(),
  nativeBindingInputs(),
  nativeBindingOutputs(),
  classicClusterProps({ id: CLUSTER_ID }),
  classicBindingProps(),
  compliantNativeClusterInputs(),
  compliantNativeClusterOutputs(),
  compliantClassicClusterProps(),
  nativeAgentPoolInputs(),
  nativeAgentPoolOutputs(),
  nativeMaintenanceInputs(),
  nativeMaintenanceOutputs(),
  classicNodePoolProps(),
];
const nearlyRight = fc
  .tuple(fc.constantFrom(...BASES), fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 3 }))
  .map(([base, changes]) => overTheWire({ ...base, ...changes }) as Json);
const props = fc
  .oneof(nearlyRight, fc.dictionary(key, json, { maxKeys: 8 }), json)
  .map((p): object => (typeof p === "object" && p !== null && !Array.isArray(p) ? p : { value: p }));

const config = fc.oneof(
  fc.record(
    {
      exemptClusters: fc.array(fc.oneof(telling, fc.string()), { maxLength: 3 }),
      exemptTag: fc.constantFrom("trusted-access-exempt", "env", "X"),
      requiredRoles: fc.array(fc.constantFrom(...ROLES), { maxLength: 3 }),
      allowedRoles: fc.array(fc.constantFrom(...ROLES), { maxLength: 3 }),
      requireMaintenanceWindow: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  // Config comes from the CLI, never unknown; it may still be of any shape when another engine sends it.
  fc.dictionary(
    fc.constantFrom(
      "exemptClusters",
      "exemptTag",
      "requiredRoles",
      "allowedRoles",
      "requireMaintenanceWindow",
    ),
    jsonOf(knownLeaf),
  ),
);

interface Declared {
  readonly type: string;
  readonly name: string;
  readonly props: object;
}
const declared: fc.Arbitrary<Declared> = fc.record({
  type: fc.constantFrom(...TYPES),
  name: fc.constantFrom(...NAMES),
  props,
});

/** Stacks of well-formed clusters and bindings whose names, groups and sources collide often. */
const OTHER_SUBSCRIPTION = "00000000-1b2c-4d5e-8f90-a1b2c3d4e5f6";
const groupPool = fc.constantFrom("rg-aks", "RG-AKS", "rg-x");
const clusterPool = fc.constantFrom("aks-prod", "aks-dev");
const clusterIdPool = fc
  .tuple(fc.constantFrom(SUBSCRIPTION, OTHER_SUBSCRIPTION), groupPool, clusterPool)
  .map(
    ([sub, rg, name]) =>
      `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`,
  );
const sourcePool = fc.constantFrom(ML_WORKSPACE_ID, BACKUP_VAULT_ID, ML_WORKSPACE_ID.replace("mlw", "mlw2"));
const rolesPool = fc.subarray([...ROLES], { maxLength: 3 });
const bindingNamePool = fc.constantFrom("ml", "ML", "backup");
const tagsPool = fc.option(
  fc.constantFrom<Record<string, string>>({ "trusted-access-exempt": "" }, { env: "prod" }),
  {
    nil: undefined,
  },
);
const nativeInputs = fc.record({
  resourceGroupName: groupPool,
  resourceName: clusterPool,
  trustedAccessRoleBindingName: bindingNamePool,
  roles: rolesPool,
  sourceResourceId: sourcePool,
});
const realistic: fc.Arbitrary<Declared> = fc.oneof(
  fc.record({
    type: fc.constantFrom(NATIVE_CLUSTER, NATIVE_CLUSTER_V20240901),
    name: fc.constantFrom("aks", "aks-prod"),
    props: fc
      .record({
        resourceGroupName: groupPool,
        resourceName: clusterPool,
        tags: tagsPool,
        outputs: fc.boolean(),
      })
      .chain((r) => fc.record({ r: fc.constant(r), rules: fc.boolean() }))
      .map(({ r: { outputs, ...names }, rules }) => {
        const inputs = rules ? compliantNativeClusterInputs(names) : names;
        return outputs ? nativeClusterOutputs({ name: inputs.resourceName, __inputs: inputs }) : inputs;
      }),
  }),
  fc.record({
    type: fc.constant(CLASSIC_CLUSTER),
    name: fc.constant("aks"),
    props: fc.record({
      name: clusterPool,
      resourceGroupName: groupPool,
      id: fc.option(clusterIdPool, { nil: undefined }),
      tags: tagsPool,
    }),
  }),
  fc.record({
    type: fc.constantFrom(NATIVE_BINDING, NATIVE_BINDING_V20230901),
    name: fc.constant("b"),
    props: fc.tuple(nativeInputs, fc.boolean()).map(([inputs, outputs]) =>
      outputs
        ? nativeBindingOutputs({
            roles: inputs.roles,
            sourceResourceId: inputs.sourceResourceId,
            __inputs: inputs,
          })
        : inputs,
    ),
  }),
  fc.record({
    type: fc.constantFrom(NATIVE_AGENT_POOL, NATIVE_AGENT_POOL_V20240901),
    name: fc.constant("p"),
    props: fc
      .tuple(
        fc.record({
          resourceGroupName: groupPool,
          resourceName: clusterPool,
          agentPoolName: fc.constantFrom("user", "win"),
          enableFIPS: fc.option(fc.boolean(), { nil: undefined }),
          osType: fc.option(fc.constantFrom("Linux", "Windows"), { nil: undefined }),
          osSKU: fc.option(fc.constantFrom("Ubuntu", "Windows2019", "Windows2022", "Windows2025"), {
            nil: undefined,
          }),
        }),
        fc.boolean(),
      )
      .map(([inputs, outputs]) =>
        outputs
          ? nativeAgentPoolOutputs({
              name: inputs.agentPoolName,
              enableFIPS: inputs.enableFIPS,
              __inputs: inputs,
            })
          : inputs,
      ),
  }),
  fc.record({
    type: fc.constantFrom(NATIVE_MAINTENANCE, NATIVE_MAINTENANCE_V20240901),
    name: fc.constant("m"),
    props: fc
      .record({
        resourceGroupName: groupPool,
        resourceName: clusterPool,
        configName: fc.constantFrom("aksManagedNodeOSUpgradeSchedule", "default"),
        hours: fc.integer({ min: 1, max: 8 }),
      })
      .map(({ hours, ...inputs }) =>
        nativeMaintenanceInputs({
          ...inputs,
          maintenanceWindow: { durationHours: hours, startTime: "00:00", schedule: {} },
        }),
      ),
  }),
  fc.record({
    type: fc.constant(CLASSIC_NODE_POOL),
    name: fc.constant("q"),
    props: fc.record({
      name: fc.constantFrom("user", "win"),
      kubernetesClusterId: clusterIdPool,
      vmSize: fc.constant("Standard_D4s_v5"),
      fipsEnabled: fc.option(fc.boolean(), { nil: undefined }),
      osType: fc.option(fc.constantFrom("Linux", "Windows"), { nil: undefined }),
    }),
  }),
  fc.record({
    type: fc.constant(CLASSIC_BINDING),
    name: fc.constant("c"),
    props: fc.record({
      name: bindingNamePool,
      kubernetesClusterId: clusterIdPool,
      roles: rolesPool,
      sourceResourceId: sourcePool,
    }),
  }),
);

interface Link {
  readonly from: number;
  readonly to: number;
  readonly key: string;
}
const stack = fc
  .oneof(fc.array(declared, { maxLength: 10 }), fc.array(realistic, { maxLength: 14 }))
  .chain((resources) =>
    fc.record({
      resources: fc.constant(resources),
      links: fc.array(
        fc.record({
          from: fc.nat(Math.max(resources.length - 1, 0)),
          to: fc.nat(Math.max(resources.length - 1, 0)),
          key: fc.constantFrom("resourceName", "kubernetesClusterId", "resourceGroupName", "tags"),
        }),
        { maxLength: resources.length === 0 ? 0 : 8 },
      ),
    }),
  );

/** Fixtures with unique Pulumi names (the engine never sends two resources with one URN) and the links. */
function toStack(resources: readonly Declared[], links: readonly Link[]): StackResourceFixture[] {
  const fixtures = resources.map((r, i) => ({ ...r, name: `${r.name}-${i}` }));
  return fixtures.map((fixture, i) => {
    const propertyDependencies: Record<string, StackResourceFixture[]> = {};
    for (const link of links.filter((l) => l.from === i)) {
      propertyDependencies[link.key] = [...(propertyDependencies[link.key] ?? []), fixtures[link.to]];
    }
    return { ...fixture, propertyDependencies };
  });
}

function assertNoLeakedUnknown(violations: readonly Violation[]): void {
  for (const { message } of violations) {
    assert.ok(!message.includes("Symbol("), message);
    for (const s of UNKNOWN_SENTINELS) assert.ok(!message.includes(s), message);
  }
}

/** Every place in a bag where a value sits, as a key path. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...paths(v, [...at, i])]);
  if (typeof value === "object" && value !== null) {
    return Object.keys(value).flatMap((k) => [[...at, k], ...paths(value[k], [...at, k])]);
  }
  return [];
}

function withUnknownAt(value: Json, path: readonly (string | number)[]): Json {
  if (path.length === 0) return UNKNOWN_STRING;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withUnknownAt(v, rest) : v));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === head ? withUnknownAt(v, rest) : v]),
    );
  }
  return value;
}

/** The same bag with the value at one random place (chosen by `pick`) made unknown. */
function makeOneUnknown(props: object, pick: number): object {
  const bag = overTheWire(props) as Json;
  const all = paths(bag);
  return all.length === 0 ? props : (withUnknownAt(bag, all[pick % all.length]) as object);
}

/** Violations per resource; the note of checks skipped on unknown values is not one. */
const countByUrn = (violations: readonly Violation[]): Map<string | undefined, number> =>
  violations
    .filter((v) => v.skipNote !== true)
    .reduce((m, v) => m.set(v.urn, (m.get(v.urn) ?? 0) + 1), new Map<string | undefined, number>());

// Every policy of the pack, so that a policy added to it is property-tested too.
const RESOURCE_POLICIES = PACK_POLICIES.filter((p): p is ResourceValidationPolicy => "validateResource" in p);
const STACK_POLICIES = PACK_POLICIES.filter((p): p is StackValidationPolicy => "validateStack" in p);

describe("every policy, given random and malformed property bags (property-based)", () => {
  for (const policy of RESOURCE_POLICIES) {
    it(`${policy.name}: never throws, gives the same input the same verdict, leaks no unknown`, async () => {
      await fc.assert(
        fc.asyncProperty(declared, config, async (resource, cfg) => {
          const first = await runResourcePolicy(policy, resource, cfg);
          assert.deepStrictEqual(await runResourcePolicy(policy, resource, cfg), first);
          assertNoLeakedUnknown(first);
        }),
        { numRuns: 2000 },
      );
    });
  }

  for (const policy of STACK_POLICIES) {
    it(`${policy.name}: never throws, gives the same stack the same verdict, leaks no unknown`, async () => {
      await fc.assert(
        fc.asyncProperty(stack, config, async ({ resources, links }, cfg) => {
          const fixtures = toStack(resources, links);
          const first = await runStackPolicy(policy, fixtures, cfg);
          assert.deepStrictEqual(await runStackPolicy(policy, fixtures, cfg), first);
          assertNoLeakedUnknown(first);
        }),
        { numRuns: 1000 },
      );
    });
  }

  for (const policy of RESOURCE_POLICIES.filter((p) => p.enforcementLevel === "mandatory")) {
    it(`${policy.name}: making one value unknown never adds a violation`, async () => {
      await fc.assert(
        fc.asyncProperty(declared, fc.nat(), async (resource, pick) => {
          const known = await runResourcePolicy(policy, resource);
          const partly = await runResourcePolicy(policy, {
            ...resource,
            props: makeOneUnknown(resource.props, pick),
          });
          // The note of a check skipped on the unknown value is not a violation.
          const violations = (found: readonly Violation[]) => found.filter((v) => v.skipNote !== true);
          assert.ok(violations(partly).length <= violations(known).length, JSON.stringify({ known, partly }));
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("the indexed linking of all clusters at once agrees with linking each cluster to every binding", () => {
    fc.assert(
      fc.property(stack, ({ resources, links }) => {
        const { clusters, bindings } = stackInventory(policyResources(toStack(resources, links)));
        const indexed = clusterBindings(clusters, bindings);
        for (const cluster of clusters) {
          assert.deepStrictEqual(indexed(cluster), bindingsOf(cluster, bindings), cluster.resource.urn);
        }
      }),
      { numRuns: 1000 },
    );
  });

  // Without propertyDependencies: a binding computed from one cluster's outputs is taken to name that cluster
  // once its value is unknown, even if its known value happened to name another (issue 2 links by either).
  for (const policy of STACK_POLICIES) {
    it(`${policy.name}: making one value unknown never adds a violation to any resource`, async () => {
      await fc.assert(
        fc.asyncProperty(stack, config, fc.nat(), fc.nat(), async ({ resources }, cfg, which, pick) => {
          const fixtures = toStack(resources, []);
          const known = countByUrn(await runStackPolicy(policy, fixtures, cfg));
          const changed = fixtures.map((f, i) =>
            i === which % Math.max(fixtures.length, 1) ? { ...f, props: makeOneUnknown(f.props, pick) } : f,
          );
          for (const [urn, count] of countByUrn(await runStackPolicy(policy, changed, cfg))) {
            assert.ok(count <= (known.get(urn) ?? 0), `${urn}: ${count} > ${known.get(urn) ?? 0}`);
          }
        }),
        { numRuns: 1000 },
      );
    });
  }
});
