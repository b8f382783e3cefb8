/**
 * What the argument-check tests of both components share: how each component is given bindings, and what a run
 * registered.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { TrustedAccessBindingArgs } from "../../../components";
import { bindingsArgs, clusterArgs } from "./fixtures";
import { ProgramRun, runProgram } from "./harness";

export const BINDING = "azure-native:containerservice:TrustedAccessRoleBinding";
/** The role that messages about roles give as an example. */
export const EXAMPLE_ROLE = '"Microsoft.MachineLearningServices/workspaces/mlworkload"';
export type Bindings = Record<string, TrustedAccessBindingArgs>;

/** How each component is given bindings, and how its messages start. */
export const components = [
  {
    component: "AksCluster",
    prefix: 'AksCluster "prod": ',
    map: "trustedAccess",
    run: (bindings: Bindings, options?: { preview?: boolean }) =>
      runProgram(
        ({ AksCluster }) => new AksCluster("prod", clusterArgs({ trustedAccess: bindings })),
        options,
      ),
  },
  {
    component: "TrustedAccessBindings",
    prefix: 'TrustedAccessBindings "prod": ',
    map: "bindings",
    run: (bindings: Bindings, options?: { preview?: boolean }) =>
      runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs({ bindings })),
        options,
      ),
  },
];

/** The names of the binding resources the run registered, sorted. */
export function bindingNames(run: ProgramRun<unknown>): string[] {
  return run.registrations
    .filter((r) => r.type === BINDING)
    .map((r) => r.name)
    .sort();
}

export const failureMessages = (run: ProgramRun<unknown>) => run.failures.map((e) => e.message);

/**
 * The component refused its arguments with exactly this message before registering any child: the run threw a
 * ResourceError and registered the component alone.
 */
export function assertRefusedBeforeChildren(
  run: ProgramRun<unknown>,
  message: string,
  component = "AksCluster",
): void {
  assert.ok(
    run.thrown instanceof pulumi.ResourceError,
    `expected a ResourceError, got ${String(run.thrown)}`,
  );
  assert.strictEqual(run.thrown.message, message);
  assert.deepStrictEqual(
    run.registrations.map((r) => r.type),
    [`aks-trusted-access:index:${component}`],
  );
}
