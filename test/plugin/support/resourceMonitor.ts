import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Alias } from "@pulumi/pulumi/proto/alias_pb";
import { IResourceMonitorServer, ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourcePb from "@pulumi/pulumi/proto/resource_pb";

/** What the engine learns of one resource from a `RegisterResource` call. */
export interface Registration {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent: string;
  readonly custom: boolean;
  /** Inputs as they came over the wire: unknowns as the unknown sentinel, secrets as secret wire values. */
  readonly inputs: Record<string, unknown>;
  readonly propertyDependencies: Record<string, string[]>;
  readonly dependencies: string[];
  /** `<provider urn>::<provider id>`, or "" for the default provider. */
  readonly provider: string;
  readonly protect: boolean | undefined;
  readonly replaceOnChanges: string[];
  readonly deleteBeforeReplace: boolean;
  readonly aliases: Alias[];
}

/** A running ResourceMonitor: what it recorded, and the address to give a plugin's `Construct`. */
export interface MonitorEndpoint {
  readonly address: string;
  readonly registrations: Registration[];
  /** The outputs each component registered, by URN. */
  readonly componentOutputs: Map<string, Record<string, unknown>>;
  /** Whether the next registrations answer as in a preview (inputs only, no id) or an update. */
  dryRun: boolean;
  stop(): void;
}

export const STACK_URN = "urn:pulumi:dev::consumer::pulumi:pulumi:Stack::consumer-dev";

/**
 * The engine's ResourceMonitor as far as a component's `Construct` needs it, on 127.0.0.1: it records every
 * registration and answers as the engine does for a new resource: in a preview with the inputs (every output not
 * among them is unknown to the SDK), in an update with the inputs, an id and the Azure name (what azure-native
 * returns as `name`). It supports every feature the SDK asks about, as a current engine does.
 */
export async function startResourceMonitor(): Promise<MonitorEndpoint> {
  const qualifiedTypes = new Map<string, string>([[STACK_URN, "pulumi:pulumi:Stack"]]);
  const registrations: Registration[] = [];
  const componentOutputs = new Map<string, Record<string, unknown>>();
  const state = { dryRun: true };

  const implementation: Partial<IResourceMonitorServer> = {
    supportsFeature(_call, callback) {
      callback(null, new resourcePb.SupportsFeatureResponse().setHassupport(true));
    },
    registerResource(call, callback) {
      const req = call.request;
      const parent = req.getParent();
      const parentType = qualifiedTypes.get(parent);
      const qualifiedType =
        parentType === undefined || parent === STACK_URN ? req.getType() : `${parentType}$${req.getType()}`;
      const urn = `urn:pulumi:dev::consumer::${qualifiedType}::${req.getName()}`;
      qualifiedTypes.set(urn, qualifiedType);
      const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
      const propertyDependencies: Record<string, string[]> = {};
      req
        .getPropertydependenciesMap()
        .forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
      registrations.push({
        urn,
        type: req.getType(),
        name: req.getName(),
        parent,
        custom: req.getCustom(),
        inputs,
        propertyDependencies,
        dependencies: req.getDependenciesList(),
        provider: req.getProvider(),
        protect: req.hasProtect() ? req.getProtect() : undefined,
        replaceOnChanges: req.getReplaceonchangesList(),
        deleteBeforeReplace: req.getDeletebeforereplace(),
        aliases: req.getAliasesList(),
      });
      const response = new resourcePb.RegisterResourceResponse().setUrn(urn);
      if (req.getCustom()) {
        const outputs = state.dryRun
          ? inputs
          : { ...inputs, name: azureName(req.getName(), inputs), id: idOf(urn) };
        response.setId(state.dryRun ? "" : idOf(urn)).setObject(Struct.fromJavaScript(outputs as never));
      } else {
        response.setObject(new Struct());
      }
      callback(null, response);
    },
    registerResourceOutputs(call, callback) {
      const outputs = (call.request.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
      componentOutputs.set(call.request.getUrn(), outputs);
      callback(null, new Empty());
    },
  };

  const server = new grpc.Server();
  server.addService(ResourceMonitorService, implementation as IResourceMonitorServer);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    registrations,
    componentOutputs,
    get dryRun() {
      return state.dryRun;
    },
    set dryRun(value: boolean) {
      state.dryRun = value;
    },
    stop: () => server.forceShutdown(),
  };
}

/** The Azure name azure-native reports: the name given in the inputs, else the resource's own name. */
function azureName(name: string, inputs: Record<string, unknown>): unknown {
  return inputs["resourceName"] ?? inputs["trustedAccessRoleBindingName"] ?? name;
}

function idOf(urn: string): string {
  return `/fake-id/${urn.split("::").pop()}`;
}
