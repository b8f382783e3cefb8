import { PipelinePolicy, RestError } from "@azure/core-rest-pipeline";

/**
 * The paging helper of `@azure/arm-containerservice` reports a failed page as "Pagination failed with unexpected
 * statusCode 403" and drops Azure's message, the part that names the missing permission or unregistered
 * provider. Placed per call (so after the SDK's retries), this policy raises the `RestError` with Azure's own
 * code and message instead, as the other SDK clients do.
 */
export function azureErrorPolicy(): PipelinePolicy {
  return {
    name: "aksTrustedAccessAzureError",
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status < 400) return response;
      const error = armError(response.bodyAsText);
      if (error === undefined) return response;
      throw new RestError(error.message, {
        code: error.code,
        statusCode: response.status,
        request,
        response,
      });
    },
  };
}

/** `{ "error": { "code", "message" } }`, the ARM error body; undefined for anything else. */
function armError(body: string | null | undefined): { code?: string; message: string } | undefined {
  if (body === undefined || body === null || body === "") return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof message !== "string") return undefined;
    return { message, ...(typeof code === "string" ? { code } : {}) };
  } catch {
    return undefined;
  }
}
