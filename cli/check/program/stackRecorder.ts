import type {
  ReadResourceRequest,
  RegisterResourceOutputsRequest,
  RegisterResourceRequest,
} from "@pulumi/pulumi/proto/resource_pb";
import { goDurationSeconds } from "./goDuration";
import { EngineLike, MonitorLike } from "./programSdk";
import { ProgramLog, RecordedOptions, RecordedResource, WireMap } from "./recordedStack";
import { declarationSite } from "./sourceLocation";

/** Fills in the name a provider would give a resource whose name input is missing (see azureNativeAutoname). */
export type Autonamer = (type: string, name: string, inputs: WireMap) => [string, string] | undefined;

type Callback = (err: Error | null, response?: unknown) => void;

const ROOT_STACK = "pulumi:pulumi:Stack";
type Answer = { getUrn(): string } | undefined;

const SEVERITIES: Readonly<Record<number, ProgramLog["severity"]>> = {
  0: "debug",
  1: "info",
  2: "warning",
  3: "error",
};

/**
 * Records what a program registers, from the requests the SDK sends its resource monitor. Mock callbacks see
 * only a resource's type, name and inputs; the request also carries parent, dependencies, property dependencies,
 * options and the declaring source line, which is what a policy pack's AnalyzeStack needs.
 */
export class StackRecorder {
  /** One slot per request, in the order the program sent them; filled when the monitor answers. */
  private readonly slots: (RecordedResource | undefined)[] = [];
  private readonly outputs = new Map<string, WireMap>();
  private readonly logEntries: ProgramLog[] = [];

  constructor(private readonly autoname: Autonamer) {}

  /**
   * Wraps the monitor's registration calls so that each answered request is recorded, and gives resources the
   * URNs the engine would: MockMonitor prefixes a type with only its parent's last type, root stack included.
   */
  attach(monitor: MonitorLike, project: string, stack: string): void {
    monitor.newUrn = (parent, type, name) => engineUrn(parent, type, name, project, stack);
    const register = monitor.registerResource.bind(monitor);
    const read = monitor.readResource.bind(monitor);
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResource = (req, callback) =>
      register(
        req,
        this.recording((urn) => this.fromRegistration(req, urn), callback),
      );
    monitor.readResource = (req, callback) =>
      read(
        req,
        this.recording((urn) => this.fromRead(req, urn), callback),
      );
    monitor.registerResourceOutputs = (req: RegisterResourceOutputsRequest, callback) => {
      this.outputs.set(req.getUrn(), (req.getOutputs()?.toJavaScript() ?? {}) as WireMap);
      registerOutputs(req, callback);
    };
  }

  /** An engine for the SDK's `pulumi.log.*` calls, which a preview shows as diagnostics. */
  readonly engine: EngineLike = {
    log: (req, callback) => {
      const urn = req.getUrn();
      // Debug messages are the SDK's own tracing, hidden by `pulumi preview` too.
      if (SEVERITIES[req.getSeverity()] !== "debug")
        this.logEntries.push({
          severity: SEVERITIES[req.getSeverity()] ?? "info",
          message: req.getMessage(),
          ...(urn === "" ? {} : { urn }),
        });
      callback(null, undefined);
    },
    setRootResource: (_req, callback) => callback(null, undefined),
    getRootResource: (_req, callback) => callback(null, undefined),
  };

  resources(): RecordedResource[] {
    return this.slots
      .filter((r): r is RecordedResource => r !== undefined)
      .map((r) => {
        const outputs = this.outputs.get(r.urn);
        return outputs === undefined ? r : { ...r, outputs };
      });
  }

  logs(): ProgramLog[] {
    return [...this.logEntries];
  }

  private recording(build: (urn: string) => RecordedResource, callback: Callback): Callback {
    const slot = this.slots.push(undefined) - 1;
    return (err, response) => {
      const urn = err ? undefined : (response as Answer)?.getUrn();
      if (urn !== undefined) this.slots[slot] = build(urn);
      callback(err, response);
    };
  }

  private fromRegistration(req: RegisterResourceRequest, urn: string): RecordedResource {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
      const urns = deps.getUrnsList();
      if (urns.length > 0) propertyDependencies[key] = urns;
    });
    return {
      ...this.common(req, urn, "create", req.getObject()?.toJavaScript()),
      custom: req.getCustom(),
      propertyDependencies,
      options: registrationOptions(req),
    };
  }

  private fromRead(req: ReadResourceRequest, urn: string): RecordedResource {
    return {
      ...this.common(req, urn, "read", req.getProperties()?.toJavaScript()),
      custom: true,
      propertyDependencies: {},
      options: { ...NO_OPTIONS, additionalSecretOutputs: req.getAdditionalsecretoutputsList() },
    };
  }

  private common(
    req: RegisterResourceRequest | ReadResourceRequest,
    urn: string,
    operation: RecordedResource["operation"],
    object: unknown,
  ): Omit<RecordedResource, "custom" | "propertyDependencies" | "options"> {
    const given = (object ?? {}) as WireMap;
    const named = operation === "create" ? this.autoname(req.getType(), req.getName(), given) : undefined;
    const parent = req.getParent();
    const provider = req.getProvider();
    // The root stack is registered by the runner, not declared by the user's code.
    const location = req.getType() === ROOT_STACK ? undefined : declarationSite(req.getStacktrace());
    return {
      urn,
      type: req.getType(),
      name: req.getName(),
      operation,
      ...(parent === "" ? {} : { parent }),
      dependencies: req.getDependenciesList(),
      inputs: named === undefined ? given : { ...given, [named[0]]: named[1] },
      ...(provider === "" ? {} : { provider }),
      ...(location === undefined ? {} : { location }),
    };
  }
}

/**
 * The engine's URN (resource.NewURN): the type is qualified by the parent's qualified type, except under the root
 * stack — `urn:pulumi:<stack>::<project>::<Parent$Type>::<name>`.
 */
function engineUrn(parent: string, type: string, name: string, project: string, stack: string): string {
  const parentType = parent === "" ? "" : (parent.split("::")[2] ?? "");
  const qualified = parentType === "" || parentType === ROOT_STACK ? type : `${parentType}$${type}`;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

const NO_OPTIONS: RecordedOptions = {
  protect: false,
  ignoreChanges: [],
  additionalSecretOutputs: [],
  aliases: [],
  replaceOnChanges: [],
};

function registrationOptions(req: RegisterResourceRequest): RecordedOptions {
  const timeouts = req.getCustomtimeouts();
  const seconds = (text: string | undefined): number | undefined => goDurationSeconds(text ?? "");
  const customTimeouts = timeouts && {
    ...optional("create", seconds(timeouts.getCreate())),
    ...optional("update", seconds(timeouts.getUpdate())),
    ...optional("delete", seconds(timeouts.getDelete())),
  };
  return {
    protect: req.getProtect() ?? false,
    ignoreChanges: req.getIgnorechangesList(),
    ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    aliases: [
      ...req.getAliasurnsList(),
      ...req
        .getAliasesList()
        .map((a) => a.getUrn())
        .filter((u) => u !== ""),
    ],
    replaceOnChanges: req.getReplaceonchangesList(),
    ...(customTimeouts && Object.keys(customTimeouts).length > 0 ? { customTimeouts } : {}),
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
