import type { AuditProgress } from "./runAudit";

/** What a progress line needs of a stream such as `process.stderr`. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export function progressLine(p: AuditProgress): string {
  return (
    `Auditing: ${p.subscriptionsDone}/${p.subscriptionsTotal} subscriptions, ` +
    `${p.clustersDone}/${p.clustersTotal} clusters`
  );
}

/** One line rewritten in place on a terminal; nothing at all when the stream is a file or a pipe. */
export function terminalProgress(stream: ProgressStream): {
  update: (p: AuditProgress) => void;
  done: () => void;
} {
  if (stream.isTTY !== true) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update: (p) => {
      shown = true;
      stream.write(`\r${progressLine(p)}\x1b[K`);
    },
    done: () => {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
