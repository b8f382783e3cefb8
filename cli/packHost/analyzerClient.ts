import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";

/** The same message limit the pack's server sets: a large stack is one large AnalyzeStack request. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

type Callback<Res> = (error: grpc.ServiceError | null, response: Res) => void;

/** The Analyzer methods the engine calls, as promises. A failed call rejects with the gRPC ServiceError. */
export class AnalyzerConnection {
  private readonly client: AnalyzerClient;

  constructor(port: number) {
    this.client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
  }

  waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())),
    );
  }

  handshake(req: pb.AnalyzerHandshakeRequest): Promise<pb.AnalyzerHandshakeResponse> {
    return unary((cb: Callback<pb.AnalyzerHandshakeResponse>) => this.client.handshake(req, cb));
  }

  configureStack(req: pb.AnalyzerStackConfigureRequest): Promise<pb.AnalyzerStackConfigureResponse> {
    return unary((cb: Callback<pb.AnalyzerStackConfigureResponse>) => this.client.configureStack(req, cb));
  }

  getAnalyzerInfo(): Promise<pb.AnalyzerInfo> {
    return unary((cb: Callback<pb.AnalyzerInfo>) => this.client.getAnalyzerInfo(new Empty(), cb));
  }

  getPluginInfo(): Promise<PluginInfo> {
    return unary((cb: Callback<PluginInfo>) => this.client.getPluginInfo(new Empty(), cb));
  }

  configure(req: pb.ConfigureAnalyzerRequest): Promise<Empty> {
    return unary((cb: Callback<Empty>) => this.client.configure(req, cb));
  }

  analyze(req: pb.AnalyzeRequest): Promise<pb.AnalyzeResponse> {
    return unary((cb: Callback<pb.AnalyzeResponse>) => this.client.analyze(req, cb));
  }

  analyzeStack(req: pb.AnalyzeStackRequest): Promise<pb.AnalyzeResponse> {
    return unary((cb: Callback<pb.AnalyzeResponse>) => this.client.analyzeStack(req, cb));
  }

  close(): void {
    this.client.close();
  }
}

function unary<Res>(invoke: (callback: Callback<Res>) => unknown): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke((error, response) => (error ? reject(error) : resolve(response)));
  });
}

/** True when the pack does not implement the method (older packs lack Handshake); the CLI carries on then. */
export function isUnimplemented(err: unknown): boolean {
  return (err as Partial<grpc.ServiceError> | undefined)?.code === grpc.status.UNIMPLEMENTED;
}
