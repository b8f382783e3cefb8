import {
  PropertyMap,
  ResourceToAnalyze,
  StackResource,
  UnknownValue,
  resourceUrn,
} from "../../../cli/packHost";

/** A value known now, or unknown during preview. */
type Maybe<T> = T | UnknownValue;

/** Inputs of `azure-native:containerservice:ManagedCluster` that the pack reads (a typo fails to compile). */
export type NativeClusterInputs = {
  readonly resourceGroupName: Maybe<string>;
  readonly resourceName?: Maybe<string>;
  readonly location?: Maybe<string>;
  readonly dnsPrefix?: Maybe<string>;
  readonly identity?: Maybe<{ readonly type: Maybe<string> }> | null;
  readonly tags?: Maybe<Readonly<Record<string, Maybe<string>>>>;
} & ClusterRuleSettings;

/** The settings of a cluster that the four related rules read (the same names in inputs and outputs). */
export type ClusterRuleSettings = {
  readonly autoUpgradeProfile?: {
    readonly nodeOSUpgradeChannel?: Maybe<string>;
    readonly upgradeChannel?: string;
  };
  readonly apiServerAccessProfile?: { readonly enablePrivateCluster?: Maybe<boolean> };
  readonly agentPoolProfiles?: Maybe<
    readonly {
      readonly name: string;
      readonly enableFIPS?: Maybe<boolean>;
      readonly osType?: string;
      readonly osSKU?: string;
    }[]
  >;
  readonly securityProfile?: {
    readonly azureKeyVaultKms?: {
      readonly enabled?: Maybe<boolean>;
      readonly keyId?: string;
      readonly keyVaultNetworkAccess?: string;
      readonly keyVaultResourceId?: Maybe<string>;
    };
  };
};

/** Inputs of `azure-native:containerservice:AgentPool`. */
export type NativeAgentPoolInputs = {
  readonly resourceGroupName: Maybe<string>;
  readonly resourceName: Maybe<string>;
  readonly agentPoolName?: Maybe<string>;
  readonly enableFIPS?: Maybe<boolean>;
  readonly osType?: string;
  readonly osSKU?: string;
};

/** Inputs of `azure-native:containerservice:MaintenanceConfiguration`. */
export type NativeMaintenanceInputs = {
  readonly resourceGroupName: Maybe<string>;
  readonly resourceName: Maybe<string>;
  readonly configName?: Maybe<string>;
  readonly maintenanceWindow?: { readonly durationHours: Maybe<number>; readonly startTime: string };
};

/** Outputs of an existing azure-native cluster: no `resourceGroupName` or `resourceName` (input-only). */
export type NativeClusterOutputs = {
  readonly id?: Maybe<string>;
  readonly name: Maybe<string>;
  readonly location?: string;
  readonly identity?: { readonly type: string; readonly principalId?: string; readonly tenantId?: string };
  readonly tags?: Readonly<Record<string, string>>;
  readonly provisioningState?: string;
  readonly autoUpgradeProfile?: ClusterRuleSettings["autoUpgradeProfile"];
  readonly apiServerAccessProfile?: ClusterRuleSettings["apiServerAccessProfile"];
  readonly agentPoolProfiles?: ClusterRuleSettings["agentPoolProfiles"];
  readonly securityProfile?: ClusterRuleSettings["securityProfile"];
  /** azure-native keeps the inputs here; the engine does not send keys starting with `__` to a pack. */
  readonly __inputs?: NativeClusterInputs;
};

/** Inputs of `azure-native:containerservice:TrustedAccessRoleBinding`. */
export type NativeBindingInputs = {
  readonly resourceGroupName: Maybe<string>;
  /** The cluster's Azure name. */
  readonly resourceName: Maybe<string>;
  readonly trustedAccessRoleBindingName?: Maybe<string>;
  readonly roles: Maybe<readonly Maybe<string>[]>;
  readonly sourceResourceId: Maybe<string>;
};

/** Outputs of an existing azure-native binding: `name` and no cluster reference besides its own `id`. */
export type NativeBindingOutputs = {
  readonly id?: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly sourceResourceId: string;
  readonly provisioningState?: string;
  readonly type?: string;
  readonly __inputs?: NativeBindingInputs;
};

/** Inputs of the classic provider's `azure:containerservice/kubernetesCluster:KubernetesCluster`. */
export type ClassicClusterInputs = {
  readonly resourceGroupName: Maybe<string>;
  readonly name?: Maybe<string>;
  readonly location?: string;
  readonly dnsPrefix?: string;
  readonly identity?: Maybe<{ readonly type: Maybe<string>; readonly identityIds?: readonly string[] }>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly id?: Maybe<string>;
  readonly privateClusterEnabled?: Maybe<boolean>;
  readonly nodeOsUpgradeChannel?: string;
  readonly maintenanceWindowNodeOs?: {
    readonly frequency: string;
    readonly interval: number;
    readonly duration: number;
  };
  readonly defaultNodePool?: {
    readonly name: string;
    readonly vmSize: string;
    readonly fipsEnabled?: boolean;
  };
  readonly keyManagementService?: { readonly keyVaultKeyId: string; readonly keyVaultNetworkAccess?: string };
};

/** Inputs of the classic provider's `...kubernetesClusterNodePool:KubernetesClusterNodePool`. */
export type ClassicNodePoolInputs = {
  readonly kubernetesClusterId: Maybe<string>;
  readonly name: string;
  readonly vmSize: string;
  readonly fipsEnabled?: boolean;
  readonly osType?: string;
  readonly osSku?: string;
};

/** Inputs of the classic provider's `...clusterTrustedAccessRoleBinding:ClusterTrustedAccessRoleBinding`. */
export type ClassicBindingInputs = {
  readonly kubernetesClusterId: Maybe<string>;
  readonly name: Maybe<string>;
  readonly roles: Maybe<readonly Maybe<string>[]>;
  readonly sourceResourceId: Maybe<string>;
};

export const TYPES = {
  component: "aks-trusted-access:index:AksCluster",
  nativeCluster: "azure-native:containerservice:ManagedCluster",
  nativeBinding: "azure-native:containerservice:TrustedAccessRoleBinding",
  classicCluster: "azure:containerservice/kubernetesCluster:KubernetesCluster",
  classicBinding: "azure:containerservice/clusterTrustedAccessRoleBinding:ClusterTrustedAccessRoleBinding",
  mlWorkspace: "azure-native:machinelearningservices:Workspace",
  nativeAgentPool: "azure-native:containerservice:AgentPool",
  nativeMaintenance: "azure-native:containerservice:MaintenanceConfiguration",
  classicNodePool: "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool",
} as const;

/** One resource as the engine holds it: the inputs Analyze sees and the outputs AnalyzeStack sees. */
export interface TestResource {
  readonly inputs: ResourceToAnalyze;
  readonly state: StackResource;
}

export interface Links {
  readonly parent?: TestResource;
  /** Property name to the resources its value came from. */
  readonly propertyDependencies?: Readonly<Record<string, readonly TestResource[]>>;
  /** The outputs after the resource exists; defaults to the inputs (a preview of a new resource). */
  readonly outputs?: PropertyMap;
  /** The type token; defaults to the kind's unversioned token. */
  readonly type?: string;
}

/** Builds a stack of resources with URNs, parents and dependencies as the engine records them. */
export class TestStack {
  readonly resources: TestResource[] = [];

  constructor(
    readonly stack = "dev",
    readonly project = "aks-e2e",
  ) {}

  component(name: string, links: Links = {}): TestResource {
    return this.add(TYPES.component, name, {}, links);
  }

  nativeCluster(
    name: string,
    inputs: NativeClusterInputs,
    links: Links & { outputs?: NativeClusterOutputs } = {},
  ) {
    return this.add(TYPES.nativeCluster, name, inputs, links);
  }

  nativeBinding(
    name: string,
    inputs: NativeBindingInputs,
    links: Links & { outputs?: NativeBindingOutputs } = {},
  ) {
    return this.add(TYPES.nativeBinding, name, inputs, links);
  }

  classicCluster(name: string, inputs: ClassicClusterInputs, links: Links = {}): TestResource {
    return this.add(TYPES.classicCluster, name, inputs, links);
  }

  classicBinding(name: string, inputs: ClassicBindingInputs, links: Links = {}): TestResource {
    return this.add(TYPES.classicBinding, name, inputs, links);
  }

  nativeAgentPool(name: string, inputs: NativeAgentPoolInputs, links: Links = {}): TestResource {
    return this.add(TYPES.nativeAgentPool, name, inputs, links);
  }

  nativeMaintenance(name: string, inputs: NativeMaintenanceInputs, links: Links = {}): TestResource {
    return this.add(TYPES.nativeMaintenance, name, inputs, links);
  }

  classicNodePool(name: string, inputs: ClassicNodePoolInputs, links: Links = {}): TestResource {
    return this.add(TYPES.classicNodePool, name, inputs, links);
  }

  mlWorkspace(name: string, inputs: { readonly resourceGroupName: string; readonly workspaceName: string }) {
    return this.add(TYPES.mlWorkspace, name, inputs, {});
  }

  /** The URN of the resource named `name` of the given type at the stack's top level. */
  urn(type: string, name: string): string {
    return resourceUrn({ stack: this.stack, project: this.project, type, name });
  }

  private add(defaultType: string, name: string, properties: PropertyMap, links: Links): TestResource {
    const type = links.type ?? defaultType;
    const parent = links.parent?.state.urn;
    const urn = resourceUrn({ stack: this.stack, project: this.project, type, name, parentUrn: parent });
    const propertyDependencies = Object.fromEntries(
      Object.entries(links.propertyDependencies ?? {}).map(([key, deps]) => [
        key,
        deps.map((d) => d.state.urn),
      ]),
    );
    const dependencies = [...new Set(Object.values(propertyDependencies).flat())];
    const options = parent === undefined ? {} : { parent };
    const resource: TestResource = {
      inputs: { type, urn, name, properties, options },
      state: {
        type,
        urn,
        name,
        properties: links.outputs ?? properties,
        options,
        parent,
        dependencies,
        propertyDependencies,
      },
    };
    this.resources.push(resource);
    return resource;
  }
}
