/**
 * Runs a program under Pulumi's mocks and records what the engine would be told: every RegisterResource request
 * as the SDK sends it (type, name, parent, inputs, options, property dependencies), every warning the program
 * logs, and every error that would fail the program (Pulumi reports a failed registration as an unhandled
 * rejection, so that is where Output validation errors surface).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";

/** The engine's marker for an input that is unknown during preview. */
export const UNKNOWN_INPUT = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const CLUSTER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
export const PRINCIPAL_ID = "11111111-2222-3333-4444-555555555555";

/** The resource types the components register. */
export const TYPE = {
  component: "aks-trusted-access:index:AksCluster",
  cluster: "azure-native:containerservice:ManagedCluster",
  binding: "azure-native:containerservice:TrustedAccessRoleBinding",
  window: "azure-native:containerservice:MaintenanceConfiguration",
  pool: "azure-native:containerservice:AgentPool",
} as const;

export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** URN of the parent, "" for none. */
  readonly parent: string;
  readonly inputs: Record<string, unknown>;
  readonly replaceOnChanges: string[];
  /** undefined when the option was not set. */
  readonly deleteBeforeReplace: boolean | undefined;
  /** Input name -> URNs of the resources that input's value came from. */
  readonly propertyDependencies: Record<string, string[]>;
  /** Set once the mock monitor has answered. */
  urn?: string;
}

export interface Warning {
  readonly message: string;
  readonly resource: pulumi.Resource | undefined;
}

export interface ProgramRun<T> {
  /** What the program returned, or undefined when it threw. */
  readonly value: T | undefined;
  /** What the program threw at once, if anything. */
  readonly thrown: unknown;
  readonly registrations: Registration[];
  readonly warnings: Warning[];
  /** Errors that fail the program later, once each (Pulumi reports a repeated error once, by identity). */
  readonly failures: Error[];
}

type Components = typeof import("../../../components");

interface MonitorWithRegister {
  registerResource(
    req: RegisterResourceRequest,
    callback: (err: Error | null, resp?: RegisterResourceResponse) => void,
  ): Promise<void>;
}

/** What the mocked provider returns: ids and names as Azure makes them; nothing at all during preview. */
function mockState(
  args: pulumi.runtime.MockResourceArgs,
  preview: boolean,
): pulumi.runtime.MockResourceResult {
  if (preview) return { id: undefined, state: {} };
  const inputs: Record<string, unknown> = args.inputs;
  switch (args.type) {
    case "azure-native:containerservice:ManagedCluster": {
      const name = (inputs.resourceName as string | undefined) ?? `${args.name}a1b2c3d4`;
      const id =
        `/subscriptions/${CLUSTER_SUBSCRIPTION}/resourceGroups/${String(inputs.resourceGroupName)}` +
        `/providers/Microsoft.ContainerService/managedClusters/${name}`;
      const identity = { type: "SystemAssigned", principalId: PRINCIPAL_ID, tenantId: CLUSTER_SUBSCRIPTION };
      return { id, state: { ...inputs, name, identity } };
    }
    case "azure-native:containerservice:TrustedAccessRoleBinding": {
      const id =
        `/subscriptions/${CLUSTER_SUBSCRIPTION}/resourceGroups/${String(inputs.resourceGroupName)}` +
        `/providers/Microsoft.ContainerService/managedClusters/${String(inputs.resourceName)}` +
        `/trustedAccessRoleBindings/${String(inputs.trustedAccessRoleBindingName)}`;
      return { id, state: { ...inputs, name: inputs.trustedAccessRoleBindingName } };
    }
    default:
      return { id: args.custom ? `${args.name}-id` : undefined, state: inputs };
  }
}

function record(req: RegisterResourceRequest): Registration {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
  return {
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    parent: req.getParent(),
    inputs: (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
    replaceOnChanges: req.getReplaceonchangesList(),
    deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
    propertyDependencies,
  };
}

/** Lets the event loop turn until a whole turn passes with nothing new recorded: the mocked program is done. */
async function settle(progress: () => number): Promise<void> {
  for (;;) {
    const before = progress();
    await new Promise((resolve) => setImmediate(resolve));
    if (progress() === before) return;
  }
}

/**
 * Sets Pulumi's mocks (as a preview when asked), only then loads the components, runs `program` with them and
 * waits until it is done. Restores the process' rejection handlers and `pulumi.log.warn` afterwards.
 */
export async function runProgram<T>(
  program: (components: Components) => T,
  options: { preview?: boolean } = {},
): Promise<ProgramRun<T>> {
  const preview = options.preview ?? false;
  await pulumi.runtime.setMocks(
    { newResource: (args) => mockState(args, preview), call: (args) => args.inputs },
    "project",
    "stack",
    preview,
  );
  const components = await import("../../../components");

  const registrations: Registration[] = [];
  const warnings: Warning[] = [];
  const failures: Error[] = [];
  let answered = 0;

  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorWithRegister;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const registration = record(req);
    registrations.push(registration);
    return register(req, (err, resp) => {
      registration.urn = resp?.getUrn();
      answered++;
      callback(err, resp);
    });
  };
  const log = pulumi.log as { warn: typeof pulumi.log.warn };
  const warn = log.warn;
  log.warn = (message, resource) => {
    warnings.push({ message, resource });
    return Promise.resolve();
  };
  const rejectionHandlers = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", (reason) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    if (!failures.includes(error)) failures.push(error);
  });

  let value: T | undefined;
  let thrown: unknown;
  try {
    try {
      value = program(components);
    } catch (err) {
      thrown = err;
    }
    await settle(() => registrations.length + answered + warnings.length + failures.length);
  } finally {
    process.removeAllListeners("unhandledRejection");
    for (const handler of rejectionHandlers) process.on("unhandledRejection", handler);
    log.warn = warn;
  }
  return { value, thrown, registrations, warnings, failures };
}

/** The value of an Output that is known by now (after `runProgram`). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** A resource whose `value` output the mocks echo from its input (and leave unknown during preview). */
class TestResource extends pulumi.CustomResource {
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, value: string | undefined) {
    super("test:index:TestResource", name, { value });
  }
}

/** An Output that stays unknown during preview, as the id of a resource not created yet does. */
export function notYetCreated(name: string): pulumi.Output<string> {
  return new TestResource(name, undefined).value;
}

/** `value` as the output of a resource named `name`, so that it carries a dependency on that resource. */
export function outputOfResource(name: string, value: string): pulumi.Output<string> {
  return new TestResource(name, value).value;
}

/** The one registration of this type and name; fails the test when there is none or more. */
export function only(registrations: readonly Registration[], type: string, name: string): Registration {
  const found = registrations.filter((r) => r.type === type && r.name === name);
  assert.strictEqual(found.length, 1, `expected one ${type} named ${name}, got ${found.length}`);
  return found[0];
}
