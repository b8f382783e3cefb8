import { PropertyMap } from "./propertyValues";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

export type Severity = "low" | "medium" | "high" | "critical";

/** Plain JSON, what a policy's configuration may hold. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One policy as the pack describes it (GetAnalyzerInfo). */
export interface PolicyInfo {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly message: string;
  /** The level the pack gives the policy when no configuration says otherwise. */
  readonly enforcementLevel: EnforcementLevel;
  /** `resource` policies see each resource's inputs (Analyze); `stack` policies the whole stack (AnalyzeStack). */
  readonly policyType: "resource" | "stack" | "unknown";
  readonly severity?: Severity;
  /** JSON schema of the policy's configuration, without `enforcementLevel`; `undefined` when it takes none. */
  readonly configSchema?: {
    readonly properties: Record<string, JsonValue>;
    readonly required: readonly string[];
  };
  readonly remediationSteps: string;
  readonly url: string;
  readonly tags: readonly string[];
}

/** The pack as it describes itself (GetAnalyzerInfo). */
export interface PackInfo {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
  readonly supportsConfig: boolean;
  /** Policies sorted by name, as the Pulumi CLI sorts them. */
  readonly policies: readonly PolicyInfo[];
  /** Configuration the pack was built with (`new PolicyPack(name, args, initialConfig)`), by policy name. */
  readonly initialConfig: Readonly<Record<string, PolicyConfig>>;
}

/** Configuration of one policy, as the CLI sends it in Configure. */
export interface PolicyConfig {
  /** Required: on the wire a missing level reads as `advisory`, which would silently weaken a policy. */
  readonly enforcementLevel: EnforcementLevel;
  /** The policy's configuration properties (already validated against its schema, with defaults filled). */
  readonly properties?: Readonly<Record<string, JsonValue>>;
}

/** Stack settings the CLI gives a pack when it starts (environment and ConfigureStack). */
export interface StackSettings {
  readonly project: string;
  readonly stack: string;
  readonly organization?: string;
  /** `true` for a preview (the default), `false` for an update. */
  readonly dryRun?: boolean;
  /** Stack configuration, `"<namespace>:<key>"` to its value as a string. */
  readonly config?: Readonly<Record<string, string>>;
  /** Keys of {@link config} that are secrets. */
  readonly configSecretKeys?: readonly string[];
  /** Stack tags, visible to policies as `args.stackTags`. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The resource options an analyzer sees. Everything is optional; missing flags are sent as the CLI sends them. */
export interface ResourceOptions {
  readonly parent?: string;
  readonly protect?: boolean;
  readonly ignoreChanges?: readonly string[];
  /** Left out when the program did not set it (the pack can tell the difference). */
  readonly deleteBeforeReplace?: boolean;
  readonly additionalSecretOutputs?: readonly string[];
  readonly aliases?: readonly string[];
  readonly customTimeouts?: { readonly create?: number; readonly update?: number; readonly delete?: number };
}

/** The provider resource that manages a resource. */
export interface ProviderResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly properties: PropertyMap;
}

/** One resource's inputs, as the engine sends them to Analyze before it creates or updates the resource. */
export interface ResourceToAnalyze {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly properties: PropertyMap;
  readonly options?: ResourceOptions;
  readonly provider?: ProviderResource;
}

/** One resource of a stack, as the engine sends it to AnalyzeStack: its outputs and how it links to others. */
export interface StackResource extends ResourceToAnalyze {
  /** URN of the parent resource. */
  readonly parent?: string;
  /** URNs this resource depends on. */
  readonly dependencies?: readonly string[];
  /** For each input property, the URNs its value came from. Empty lists are not sent, as the CLI does. */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** One violation (or advisory note) reported by a policy. */
export interface Diagnostic {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly description: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  /** The resource the diagnostic is about; `undefined` when a stack policy names none. */
  readonly urn?: string;
  readonly severity?: Severity;
}

/** A policy that declared itself not applicable to the request (and why). */
export interface NotApplicable {
  readonly policyName: string;
  readonly reason: string;
}

export interface AnalysisResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly notApplicable: readonly NotApplicable[];
}

/** What the pack said outside the protocol: Engine `Log` calls, and its stdout/stderr lines after startup. */
export type LogEntry =
  | {
      readonly source: "engine";
      readonly severity: "debug" | "info" | "warning" | "error";
      readonly message: string;
      readonly urn?: string;
    }
  | { readonly source: "stdout" | "stderr"; readonly message: string };
