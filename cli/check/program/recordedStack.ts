/** A property value as the SDK sends it on the wire: JSON, with Pulumi's sentinels for unknowns and secrets. */
export type WireValue =
  null | boolean | number | string | readonly WireValue[] | { readonly [key: string]: WireValue };

export type WireMap = Readonly<Record<string, WireValue>>;

/** Where in the program's source a resource was declared (the first frame of the user's own code). */
export interface SourceLocation {
  /** Absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The options of a registration that an analyzer sees. */
export interface RecordedOptions {
  readonly protect: boolean;
  readonly ignoreChanges: readonly string[];
  /** Left out when the program did not set it. */
  readonly deleteBeforeReplace?: boolean;
  readonly additionalSecretOutputs: readonly string[];
  readonly aliases: readonly string[];
  readonly replaceOnChanges: readonly string[];
  /** In seconds, as analyzers receive them. */
  readonly customTimeouts?: { readonly create?: number; readonly update?: number; readonly delete?: number };
}

/** One resource the program registered (or read), as the resource monitor received it. */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** `false` for component resources and the root stack. */
  readonly custom: boolean;
  /** `read` for `Resource.get(...)`; such a resource is looked up, not created. */
  readonly operation: "create" | "read";
  readonly parent?: string;
  readonly dependencies: readonly string[];
  /** Per input property, the URNs its value came from (only properties with some). */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** The inputs after the provider's Check as far as it is simulated (azure-native autonaming). */
  readonly inputs: WireMap;
  /** A component's registered outputs (`registerOutputs`), when it registered any. */
  readonly outputs?: WireMap;
  readonly options: RecordedOptions;
  /** Explicit provider reference (`<urn>::<id>`), when the program set one. */
  readonly provider?: string;
  readonly location?: SourceLocation;
}

/** A message the program logged with `pulumi.log.*`. */
export interface ProgramLog {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn?: string;
}

/** Everything one run of the program registered, in registration order. */
export interface RecordedStack {
  readonly project: string;
  readonly stack: string;
  /** Absolute path of the file that was run. */
  readonly mainFile: string;
  readonly resources: readonly RecordedResource[];
  readonly logs: readonly ProgramLog[];
}
