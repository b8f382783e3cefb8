import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Alias } from "@pulumi/pulumi/proto/alias_pb";
import { InputPropertiesError } from "@pulumi/pulumi/proto/errors_pb";
import { ConstructRequest, ConstructResponse } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { PluginProcess, call } from "./pluginProcess";
import { MonitorEndpoint, Registration, STACK_URN } from "./resourceMonitor";

/** One `Construct` as the engine sends it for a consumer's `new AksCluster(...)` in another language. */
export interface ConstructCall {
  /** The component's class name (`AksCluster`, `TrustedAccessBindings`; the benchmark's `FloorCluster`). */
  readonly component: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly dryRun: boolean;
  /** Per top-level input, the URNs it depends on. */
  readonly inputDependencies?: Record<string, string[]>;
  /** Package → provider reference (`<urn>::<id>`). */
  readonly providers?: Record<string, string>;
  readonly dependencies?: string[];
  readonly protect?: boolean;
  readonly aliases?: Alias[];
}

export interface Constructed {
  readonly urn: string;
  readonly state: Record<string, unknown>;
  /** Everything the monitor recorded during this call. */
  readonly registrations: Registration[];
}

export function constructRequest(c: ConstructCall, monitorAddress: string): ConstructRequest {
  const req = new ConstructRequest()
    .setProject("consumer")
    .setStack("dev")
    .setOrganization("organization")
    .setDryrun(c.dryRun)
    .setParallel(4)
    .setMonitorendpoint(monitorAddress)
    .setType(`aks-trusted-access:index:${c.component}`)
    .setName(c.name)
    .setParent(STACK_URN)
    .setInputs(Struct.fromJavaScript(c.inputs as never))
    .setProtect(c.protect ?? false)
    .setDependenciesList(c.dependencies ?? [])
    .setAliasesList(c.aliases ?? [])
    .setAcceptsOutputValues(true);
  for (const [key, urns] of Object.entries(c.inputDependencies ?? {})) {
    req.getInputdependenciesMap().set(key, new ConstructRequest.PropertyDependencies().setUrnsList(urns));
  }
  for (const [pkg, ref] of Object.entries(c.providers ?? {})) req.getProvidersMap().set(pkg, ref);
  return req;
}

/** Sends the call to the plugin, with the monitor answering as in a preview or an update. */
export async function construct(
  plugin: PluginProcess,
  monitor: MonitorEndpoint,
  c: ConstructCall,
): Promise<Constructed> {
  monitor.dryRun = c.dryRun;
  const before = monitor.registrations.length;
  const response = await call<ConstructRequest, ConstructResponse>(
    plugin.client.construct.bind(plugin.client),
    constructRequest(c, monitor.address),
  );
  return {
    urn: response.getUrn(),
    state: (response.getState()?.toJavaScript() ?? {}) as Record<string, unknown>,
    registrations: monitor.registrations.slice(before),
  };
}

/** A failed call's argument errors, as the engine reads them from the gRPC status details. */
export function inputPropertyErrors(err: grpc.ServiceError): { propertyPath: string; reason: string }[] {
  const [details] = err.metadata.get("grpc-status-details-bin");
  if (details === undefined) return [];
  const status = Status.deserializeBinary(details as Buffer);
  return status.getDetailsList().flatMap((any) => {
    const unpacked = any.unpack(InputPropertiesError.deserializeBinary, "pulumirpc.InputPropertiesError");
    return (unpacked?.getErrorsList() ?? []).map((e) => ({
      propertyPath: e.getPropertyPath(),
      reason: e.getReason(),
    }));
  });
}
