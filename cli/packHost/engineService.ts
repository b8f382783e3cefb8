import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineService, IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import { LogEntry } from "./types";

/** A running Engine service: the address the CLI hands a plugin, and the logs it received. */
export interface EngineEndpoint {
  readonly address: string;
  stop(): Promise<void>;
}

const SEVERITIES: Record<enginePb.LogSeverity, "debug" | "info" | "warning" | "error"> = {
  [enginePb.LogSeverity.DEBUG]: "debug",
  [enginePb.LogSeverity.INFO]: "info",
  [enginePb.LogSeverity.WARNING]: "warning",
  [enginePb.LogSeverity.ERROR]: "error",
};

/**
 * Serves the Engine gRPC service on 127.0.0.1 (never beyond loopback), as the Pulumi CLI does for its plugins.
 * `Log` calls are passed to `onLog`; the root resource is kept so a get after a set answers it.
 */
export async function startEngineService(onLog: (entry: LogEntry) => void): Promise<EngineEndpoint> {
  let rootUrn = "";
  const implementation: IEngineServer = {
    log(call, callback) {
      const req = call.request;
      const urn = req.getUrn();
      onLog({
        source: "engine",
        severity: SEVERITIES[req.getSeverity()] ?? "info",
        message: req.getMessage(),
        ...(urn === "" ? {} : { urn }),
      });
      callback(null, new Empty());
    },
    getRootResource(_call, callback) {
      callback(null, new enginePb.GetRootResourceResponse().setUrn(rootUrn));
    },
    setRootResource(call, callback) {
      rootUrn = call.request.getUrn();
      callback(null, new enginePb.SetRootResourceResponse());
    },
    startDebugging(_call, callback) {
      callback({ code: grpc.status.UNIMPLEMENTED, details: "this engine does not attach debuggers" }, null);
    },
    requirePulumiVersion(_call, callback) {
      // This host implements the protocol of the installed @pulumi/pulumi, so any requirement is accepted.
      callback(null, new enginePb.RequirePulumiVersionResponse());
    },
  };
  const server = new grpc.Server();
  server.addService(EngineService, implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      // The pack is stopped first, so no call is left worth waiting for.
      server.forceShutdown();
    },
  };
}
