import * as grpc from "@grpc/grpc-js";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { ResourceToAnalyze, StackResource } from "../../cli/packHost";
import { analyzeRequest, analyzeStackRequest } from "../../cli/packHost/requests";

/** The pack's own message limit (the policy SDK's server): a large stack is one large AnalyzeStack request. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** A request encoded once, ahead of the timed calls. */
export type EncodedRequest = Buffer;

/** Encodes with the pack host's own request builders, so the bytes are the ones `check` sends. */
export function encodeAnalyzeStack(resources: readonly StackResource[]): EncodedRequest {
  return Buffer.from(analyzeStackRequest(resources).serializeBinary());
}

export function encodeAnalyze(resource: ResourceToAnalyze): EncodedRequest {
  return Buffer.from(analyzeRequest(resource).serializeBinary());
}

/**
 * Sends pre-encoded Analyze and AnalyzeStack requests to a running pack. The engine is written in Go and encodes a
 * stack far faster than JavaScript does; timing only the call keeps this process's encoding out of both the
 * pack's figure and the floor's. Each call resolves to the number of diagnostics in the pack's answer.
 */
export class RawAnalyzer {
  private readonly client: grpc.Client;

  constructor(port: number) {
    this.client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
  }

  analyze(request: EncodedRequest): Promise<number> {
    return this.call("/pulumirpc.Analyzer/Analyze", request);
  }

  analyzeStack(request: EncodedRequest): Promise<number> {
    return this.call("/pulumirpc.Analyzer/AnalyzeStack", request);
  }

  close(): void {
    this.client.close();
  }

  private call(method: string, request: EncodedRequest): Promise<number> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        method,
        (bytes: EncodedRequest) => bytes,
        (bytes: Buffer) => pb.AnalyzeResponse.deserializeBinary(bytes).getDiagnosticsList().length,
        request,
        (err: grpc.ServiceError | null, diagnostics?: number) =>
          err || diagnostics === undefined
            ? reject(err ?? new Error(`${method}: no answer`))
            : resolve(diagnostics),
      );
    });
  }
}
