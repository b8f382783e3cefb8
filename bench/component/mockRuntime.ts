/**
 * Runs a Pulumi program in this process under Pulumi's mocks, as a `pulumi up` of a new stack would run it: each
 * run gets a fresh runtime state (the SDK's own AsyncLocalStorage store), the program runs inside the root Stack
 * resource, and the run ends when every registration has been answered.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";

import * as settingsModule from "@pulumi/pulumi/runtime/settings";
import * as stackModule from "@pulumi/pulumi/runtime/stack";
import * as stateModule from "@pulumi/pulumi/runtime/state";

// Runtime entry points the SDK marks @internal (left out of its .d.ts); `check` runs programs with the same ones.
const { withLocalStorage } = stateModule as unknown as { withLocalStorage<T>(fn: () => T): T };
const { runInPulumiStack } = stackModule as unknown as {
  runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
};
const { waitForRPCs } = settingsModule as unknown as { waitForRPCs(): Promise<void> };

export const SUBSCRIPTION = "00000000-0000-0000-0000-0000000000b2";

/** One RegisterResource request, as the engine would see it (URNs and parents left out). */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly inputs: unknown;
}

export interface MockRun {
  /** How many resources the program registered, the root Stack included. */
  readonly registered: number;
  /** Every registration, in order, when asked for (recording costs time, so timed runs only count). */
  readonly registrations: readonly Registration[];
}

interface MonitorWithRegister {
  registerResource(
    req: RegisterResourceRequest,
    callback: (err: Error | null, resp?: RegisterResourceResponse) => void,
  ): unknown;
}

/** What the mocked provider answers after a create: ids and names as Azure makes them. */
function created(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
  const inputs = args.inputs as Record<string, unknown>;
  switch (args.type) {
    case "azure-native:containerservice:ManagedCluster": {
      const name = String(inputs.resourceName ?? args.name);
      const id =
        `/subscriptions/${SUBSCRIPTION}/resourceGroups/${String(inputs.resourceGroupName)}` +
        `/providers/Microsoft.ContainerService/managedClusters/${name}`;
      return { id, state: { ...inputs, name, identity: { type: "SystemAssigned", principalId: "p" } } };
    }
    case "azure-native:containerservice:TrustedAccessRoleBinding":
      return { id: `${args.name}-id`, state: { ...inputs, name: inputs.trustedAccessRoleBindingName } };
    case "azure-native:resources:ResourceGroup":
      return {
        id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${args.name}`,
        state: { ...inputs, name: args.name },
      };
    default:
      return { id: `${args.name}-id`, state: inputs };
  }
}

/**
 * Runs `program` and waits until it is done. Throws what the program threw, or the first registration failure
 * (Pulumi reports those as unhandled rejections), so a run that failed is never timed as if it had worked.
 */
export async function runUnderMocks(
  program: () => void,
  options: { record?: boolean } = {},
): Promise<MockRun> {
  const failures: unknown[] = [];
  const onFailure = (reason: unknown): void => void failures.push(reason);
  process.on("unhandledRejection", onFailure);
  const registrations: Registration[] = [];
  let registered = 0;
  try {
    await withLocalStorage(async () => {
      await pulumi.runtime.setMocks(
        { newResource: created, call: (args) => args.inputs },
        "bench",
        "dev",
        false,
      );
      const monitor = pulumi.runtime.getMonitor() as unknown as MonitorWithRegister;
      const register = monitor.registerResource.bind(monitor);
      monitor.registerResource = (req, callback) => {
        registered++;
        if (options.record) registrations.push(registrationOf(req));
        return register(req, callback);
      };
      await runInPulumiStack(async () => {
        program();
        return undefined;
      });
      await waitForRPCs();
    });
    // Rejections surface on the turn after the one that caused them.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", onFailure);
  }
  if (failures.length > 0) throw failures[0];
  return { registered, registrations };
}

function registrationOf(req: RegisterResourceRequest): Registration {
  return {
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    inputs: req.getObject()?.toJavaScript() ?? {},
  };
}
