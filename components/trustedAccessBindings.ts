import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { checkBindings, warnAboutForeignSources } from "./bindingChecks";
import { createBindings } from "./bindingResources";
import { ComponentChecks } from "./deferredChecks";
import type { TrustedAccessBindingArgs } from "./trustedAccessBindingArgs";
import { checkClusterName, checkResourceGroupName } from "./validation";

/** Arguments of `TrustedAccessBindings`. */
export interface TrustedAccessBindingsArgs {
  /** The resource group that holds the cluster. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** The cluster's Azure name (1-63 letters, digits, hyphens or underscores, starting and ending alphanumeric). */
  readonly clusterName: pulumi.Input<string>;
  /**
   * The bindings, 1 to 8, by a stable key of your choosing: each becomes a `TrustedAccessRoleBinding` named
   * `<name>-<key>`. Names unique per cluster ignoring case, one binding per source.
   */
  readonly bindings: { [key: string]: TrustedAccessBindingArgs };
}

/**
 * Trusted Access role bindings for an AKS cluster made elsewhere (another stack, the portal, Terraform), so that
 * it passes the Cloud Conformity rule "Enable Trusted Access for AKS Clusters". Validates the bindings as
 * `AksCluster` does, with messages naming `TrustedAccessBindings "<name>": bindings["<key>"]`.
 */
export class TrustedAccessBindings extends pulumi.ComponentResource {
  /** The binding resources, by the keys of `bindings`. */
  public readonly bindings: { [key: string]: containerservice.TrustedAccessRoleBinding };
  /** The cluster's Azure name, as given. */
  public readonly clusterName: pulumi.Output<string>;
  /** The cluster's resource group, as given. */
  public readonly resourceGroupName: pulumi.Output<string>;

  constructor(name: string, args: TrustedAccessBindingsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aks-trusted-access:index:TrustedAccessBindings", name, {}, opts);
    const subject = { component: "TrustedAccessBindings", name, mapArg: "bindings" };
    const checks = new ComponentChecks(this);
    // JavaScript callers may leave out anything: every value is checked, nothing is assumed.
    const given: Partial<TrustedAccessBindingsArgs> = args ?? {};
    const { resourceGroupName, clusterName } = given;
    const holdGroup = checks.check({
      argument: "resourceGroupName",
      reads: [resourceGroupName],
      findings: ([group]) => checkResourceGroupName(subject, group),
    });
    const holdName = checks.check({
      argument: "clusterName",
      reads: [clusterName],
      findings: ([cluster]) => checkClusterName(subject, "clusterName", cluster),
    });
    const bindings = checkBindings(subject, given.bindings, checks);
    checks.throwErrorsFound();

    // Both are present now, or, as Outputs, held back until checked.
    const target = () => ({
      resourceGroupName: holdGroup(resourceGroupName as pulumi.Input<string>),
      clusterName: holdName(clusterName as pulumi.Input<string>),
    });
    this.bindings = createBindings(name, bindings, target, this);
    // The cluster is made elsewhere: its subscription shows in each binding's id once the binding exists.
    warnAboutForeignSources(subject, given.bindings ?? {}, (key) => this.bindings[key].id, checks);
    this.clusterName = pulumi.output(clusterName as pulumi.Input<string>);
    this.resourceGroupName = pulumi.output(resourceGroupName as pulumi.Input<string>);
    this.registerOutputs({
      bindings: this.bindings,
      clusterName: this.clusterName,
      resourceGroupName: this.resourceGroupName,
    });
  }
}
