import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { IResourceProviderServer, ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { Bag, DEFAULT_CONFIG, StandinError, StandinProvider } from "./standinProvider";
import { DiffKind } from "./propertyDiff";

const KINDS: Record<DiffKind, [providerPb.PropertyDiff.Kind, providerPb.PropertyDiff.Kind]> = {
  add: [providerPb.PropertyDiff.Kind.ADD, providerPb.PropertyDiff.Kind.ADD_REPLACE],
  delete: [providerPb.PropertyDiff.Kind.DELETE, providerPb.PropertyDiff.Kind.DELETE_REPLACE],
  update: [providerPb.PropertyDiff.Kind.UPDATE, providerPb.PropertyDiff.Kind.UPDATE_REPLACE],
};

type Callback<T> = (error: grpc.ServiceError | null, value?: T) => void;

/**
 * Serves {@link AzureStandin} as the ResourceProvider gRPC service on 127.0.0.1. Errors from the stand-in become
 * gRPC errors whose details the CLI prints, as azure-native's Azure errors do; anything else it was not built for
 * answers Unimplemented. `schema` gives the package schema GetSchema answers with, when the plugin has one.
 */
export async function serveStandin(
  standin: StandinProvider,
  version: string,
  schema?: () => string,
): Promise<number> {
  return (await startStandinServer(standin, version, schema)).port;
}

/** {@link serveStandin}, with the server for a test to shut down. */
export async function startStandinServer(
  standin: StandinProvider,
  version: string,
  schema?: () => string,
): Promise<{ port: number; server: grpc.Server }> {
  const answer = <T>(callback: Callback<T>, work: () => T): void => {
    try {
      callback(null, work());
    } catch (err) {
      const code = err instanceof StandinError ? grpc.status.UNKNOWN : grpc.status.INTERNAL;
      callback({
        name: "Error",
        message: (err as Error).message,
        code,
        details: (err as Error).message,
        metadata: new grpc.Metadata(),
      });
    }
  };
  const unimplemented = (what: string) => (_call: unknown, callback: Callback<never>) =>
    callback({
      name: "Error",
      message: what,
      code: grpc.status.UNIMPLEMENTED,
      details: `the azure-native stand-in does not implement ${what}`,
      metadata: new grpc.Metadata(),
    });

  const implementation: IResourceProviderServer = {
    getPluginInfo: (_call, callback) => answer(callback, () => new PluginInfo().setVersion(version)),
    checkConfig: (call, callback) =>
      answer(callback, () => new providerPb.CheckResponse().setInputs(call.request.getNews())),
    diffConfig: (_call, callback) =>
      answer(callback, () =>
        new providerPb.DiffResponse().setChanges(providerPb.DiffResponse.DiffChanges.DIFF_NONE),
      ),
    configure: (call, callback) =>
      answer(callback, () => {
        const variables: Record<string, string> = {};
        call.request
          .getVariablesMap()
          .forEach((value, key) => (variables[key.split(":").pop() ?? key] = value));
        standin.config = {
          subscriptionId: variables.subscriptionId ?? DEFAULT_CONFIG.subscriptionId,
          tenantId: variables.tenantId ?? DEFAULT_CONFIG.tenantId,
          clientId: variables.clientId ?? DEFAULT_CONFIG.clientId,
          ...(variables.location === undefined ? {} : { location: variables.location }),
        };
        return new providerPb.ConfigureResponse().setSupportspreview(true);
      }),
    check: (call, callback) =>
      answer(callback, () => {
        const req = call.request;
        const result = standin.check(
          typeOf(req.getType(), req.getUrn()),
          nameOf(req.getName(), req.getUrn()),
          bag(req.getOlds()),
          bag(req.getNews()),
          req.getRandomseed_asU8(),
        );
        return new providerPb.CheckResponse()
          .setInputs(struct(result.inputs))
          .setFailuresList(
            result.failures.map((f) =>
              new providerPb.CheckFailure().setProperty(f.property).setReason(f.reason),
            ),
          );
      }),
    diff: (call, callback) =>
      answer(callback, () => {
        const req = call.request;
        const oldInputs = req.getOldInputs()
          ? bag(req.getOldInputs())
          : ((bag(req.getOlds()).__inputs ?? {}) as Bag);
        const diff = standin.diff(typeOf(req.getType(), req.getUrn()), oldInputs, bag(req.getNews()));
        if (diff === undefined) {
          return new providerPb.DiffResponse().setChanges(providerPb.DiffResponse.DiffChanges.DIFF_UNKNOWN);
        }
        const response = new providerPb.DiffResponse()
          .setChanges(
            diff.changes
              ? providerPb.DiffResponse.DiffChanges.DIFF_SOME
              : providerPb.DiffResponse.DiffChanges.DIFF_NONE,
          )
          .setReplacesList(diff.replaces)
          .setDiffsList(diff.diffs)
          .setDeletebeforereplace(diff.deleteBeforeReplace)
          .setHasdetaileddiff(true);
        for (const [path, { kind, replace }] of Object.entries(diff.detailed)) {
          response
            .getDetaileddiffMap()
            .set(
              path,
              new providerPb.PropertyDiff().setKind(KINDS[kind][replace ? 1 : 0]).setInputdiff(true),
            );
        }
        return response;
      }),
    create: (call, callback) =>
      answer(callback, () => {
        const req = call.request;
        const { id, outputs } = standin.create(
          typeOf(req.getType(), req.getUrn()),
          bag(req.getProperties()),
          req.getPreview(),
        );
        return new providerPb.CreateResponse().setId(id).setProperties(struct(outputs));
      }),
    update: (call, callback) =>
      answer(callback, () => {
        const req = call.request;
        const outputs = standin.update(
          typeOf(req.getType(), req.getUrn()),
          req.getId(),
          bag(req.getNews()),
          req.getPreview(),
        );
        return new providerPb.UpdateResponse().setProperties(struct(outputs));
      }),
    read: (call, callback) =>
      answer(callback, () => {
        const found = standin.read(call.request.getId());
        // An empty id tells the engine the resource is gone.
        if (found === undefined) return new providerPb.ReadResponse().setId("");
        return new providerPb.ReadResponse()
          .setId(call.request.getId())
          .setProperties(struct(found.outputs))
          .setInputs(struct(found.inputs));
      }),
    delete: (call, callback) =>
      answer(callback, () => {
        standin.delete(call.request.getId());
        return new Empty();
      }),
    invoke: (call, callback) =>
      answer(callback, () =>
        new providerPb.InvokeResponse().setReturn(struct(standin.invoke(call.request.getTok()))),
      ),
    cancel: (_call, callback) => callback(null, new Empty()),
    handshake: unimplemented("Handshake"),
    parameterize: unimplemented("Parameterize"),
    getSchema:
      schema === undefined
        ? unimplemented("GetSchema")
        : (call, callback) =>
            answer(callback, () => {
              // A parameterized package's sub-package is not something azure-native serves.
              const sub = call.request.getSubpackageName();
              if (sub !== "") throw new StandinError(`azure-native has no sub-package ${sub}`);
              return new providerPb.GetSchemaResponse().setSchema(schema());
            }),
    call: unimplemented("Call"),
    list: (call) => {
      call.emit("error", {
        code: grpc.status.UNIMPLEMENTED,
        details: "the azure-native stand-in does not implement List",
      });
    },
    construct: unimplemented("Construct"),
    attach: unimplemented("Attach"),
    getMapping: unimplemented("GetMapping"),
    getMappings: unimplemented("GetMappings"),
  };

  const server = new grpc.Server();
  server.addService(ResourceProviderService, implementation);
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve({ port, server }),
    ),
  );
}

function bag(value: Struct | undefined): Bag {
  return (value?.toJavaScript() ?? {}) as Bag;
}

function struct(value: Bag): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as Record<string, JavaScriptValue>);
}

/** The type token: newer engines send it, older ones only in the URN (`…::<type>::<name>`). */
function typeOf(type: string, urn: string): string {
  if (type !== "") return type;
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? qualified;
}

function nameOf(name: string, urn: string): string {
  return name !== "" ? name : (urn.split("::").pop() ?? "");
}
