import type { ContainerServiceClient } from "@azure/arm-containerservice";
import type { AuditedBinding } from "../../../cli/audit/report";

/** What a fake client was asked, for tests that prove a read was or was not made. */
export interface ClientCalls {
  bindingLists: number;
  windowReads: number;
}

/**
 * The two reads `auditCluster` makes, in-process: the cluster's bindings (one page) and its node OS maintenance
 * configuration, which answers with `windowFailure` (an Azure error: status, code, message) when given, else a
 * weekly window of `windowHours`. Only the fields the audit reads are filled in.
 */
export function fakeClient(
  bindings: readonly AuditedBinding[],
  window: { windowHours: number } | { windowFailure: { statusCode: number; code: string; message: string } },
): { client: ContainerServiceClient; calls: ClientCalls } {
  const calls: ClientCalls = { bindingLists: 0, windowReads: 0 };
  const client = {
    trustedAccessRoleBindings: {
      list: () => {
        calls.bindingLists++;
        return {
          byPage: async function* () {
            yield bindings.map((b) => ({ ...b, roles: [...b.roles] }));
          },
        };
      },
    },
    maintenanceConfigurations: {
      get: async () => {
        calls.windowReads++;
        if ("windowFailure" in window) {
          const { statusCode, code, message } = window.windowFailure;
          throw Object.assign(new Error(message), { statusCode, code });
        }
        return {
          maintenanceWindow: {
            schedule: { weekly: { intervalWeeks: 1, dayOfWeek: "Sunday" } },
            durationHours: window.windowHours,
            startTime: "00:00",
            utcOffset: "+00:00",
          },
        };
      },
    },
  };
  return { client: client as unknown as ContainerServiceClient, calls };
}
