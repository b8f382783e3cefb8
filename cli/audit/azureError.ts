import { show } from "../../domain";

/** The fields of the SDK's `RestError` this package reads; both SDK generations throw this shape. */
interface RestErrorLike {
  readonly message: string;
  readonly statusCode?: number;
  readonly code?: string;
}

function isRestErrorLike(err: unknown): err is RestErrorLike & Error {
  return err instanceof Error && (typeof (err as RestErrorLike).statusCode === "number" || "code" in err);
}

/**
 * Why an Azure call failed, in one line: the HTTP status and Azure's error code and message, e.g.
 * `HTTP 403 AuthorizationFailed: The client ... does not have authorization ...`. Throttling and server errors
 * say that the SDK's retries were spent, since they are only reported once those have run out.
 */
export function describeAzureError(err: unknown): string {
  if (!(err instanceof Error)) return `unexpected failure ${show(err)}`;
  const message = err.message.split("\n")[0].trim();
  if (!isRestErrorLike(err)) return message;
  const code = typeof err.code === "string" && err.code !== "" ? ` ${err.code}` : "";
  const status = err.statusCode;
  if (status === undefined) return `${code.trim() || "request failed"}: ${message}`;
  const afterRetries =
    status === 429
      ? " (still throttled after the SDK's retries)"
      : status >= 500
        ? " (still failing after the SDK's retries)"
        : "";
  return `HTTP ${status}${code}: ${message}${afterRetries}`;
}
