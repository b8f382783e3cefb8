import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerConnection, isUnimplemented } from "./analyzerClient";
import { PackStartError } from "./errors";
import { messageOf } from "../command/commandError";
import { PackProcess } from "./packProcess";
import { configureStackRequest } from "./requests";
import { StackSettings } from "./types";

const CONNECT_TIMEOUT_MS = 30_000;

/** The CLI's handshake with a fresh analyzer: Handshake (optional for packs), then ConfigureStack. */
export async function connect(
  connection: AnalyzerConnection,
  proc: PackProcess,
  dir: string,
  engineAddress: string,
  stack: StackSettings | undefined,
): Promise<void> {
  try {
    await connection.waitForReady(CONNECT_TIMEOUT_MS);
  } catch (err) {
    throw new PackStartError(
      dir,
      `its Analyzer on port ${proc.port} did not answer: ${messageOf(err)}`,
      proc.stderr(),
    );
  }
  const handshake = new pb.AnalyzerHandshakeRequest()
    .setEngineAddress(engineAddress)
    .setRootDirectory(dir)
    .setProgramDirectory(dir);
  await connection.handshake(handshake).catch(ignoreUnimplemented);
  if (stack) await connection.configureStack(configureStackRequest(stack)).catch(ignoreUnimplemented);
}

function ignoreUnimplemented(err: unknown): void {
  if (!isUnimplemented(err)) throw err;
}
