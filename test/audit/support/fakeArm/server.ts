import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import {
  bindingJson,
  clusterJson,
  errorJson,
  nodeOsScheduleJson,
  roleJson,
  subscriptionJson,
} from "./armJson";
import type { FakeArmSetup, FakeFailure, FakeSubscription, Fault } from "./estate";
import { clusterListPath } from "./estate";

/** The api-version each API family must be called with: the versions the SDK packages in use send. */
export const API_VERSIONS = {
  subscriptions: "2022-12-01",
  containerService: "2026-04-01",
  resourceGraph: "2021-06-01-preview",
} as const;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** `Date.now()` when the request arrived. */
  readonly at: number;
  readonly status: number;
  /** The request body, for POST. */
  readonly body: string;
}

export interface FakeArm {
  /** `https://127.0.0.1:<port>`, for `--arm-endpoint`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: object;
  readonly headers?: Readonly<Record<string, string>>;
}

const fail = (f: FakeFailure): Reply => ({
  status: f.status,
  body: errorJson(f),
  headers: f.retryAfterSeconds === undefined ? {} : { "retry-after": String(f.retryAfterSeconds) },
});

const notFound = (code: string, message: string): Reply => fail({ status: 404, code, message });

/**
 * An Azure Resource Manager stand-in on 127.0.0.1 over HTTPS: the REST paths, JSON shapes, paging (`nextLink`,
 * Resource Graph's `$skipToken`), api-version and bearer-token checks of the real service, and scripted faults.
 */
export async function startFakeArm(
  setup: FakeArmSetup,
  tls: { cert: string; key: string },
): Promise<FakeArm> {
  const requests: RecordedRequest[] = [];
  const faultsLeft = new Map<Fault, number>((setup.faults ?? []).map((f) => [f, f.times ?? Infinity]));
  let url = "";
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const at = Date.now();
    void readBody(req).then(async (body) => {
      const parsed = new URL(req.url ?? "/", url);
      const query = Object.fromEntries(parsed.searchParams);
      const reply = answer(req, parsed, body);
      if (setup.latencyMs !== undefined) await new Promise((r) => setTimeout(r, setup.latencyMs));
      requests.push({
        method: req.method ?? "",
        path: parsed.pathname,
        query,
        at,
        status: reply.status,
        body,
      });
      send(res, reply);
    });
  });

  function answer(req: IncomingMessage, parsed: URL, body: string): Reply {
    if (req.headers.authorization !== `Bearer ${setup.token}`) {
      return {
        status: 401,
        body: errorJson({
          status: 401,
          code: "InvalidAuthenticationToken",
          message: "The access token is invalid.",
        }),
      };
    }
    const path = parsed.pathname.toLowerCase();
    const fault = [...faultsLeft.keys()].find(
      (f) => f.method === req.method && f.path.toLowerCase() === path && (faultsLeft.get(f) ?? 0) > 0,
    );
    const route = routeOf(
      req.method ?? "",
      path.split("/").filter((s) => s !== ""),
    );
    if (route === undefined) return notFound("NotFound", `No route for ${req.method} ${parsed.pathname}.`);
    const apiVersion = parsed.searchParams.get("api-version");
    if (apiVersion !== API_VERSIONS[route.family]) {
      return {
        status: 400,
        body: errorJson({
          status: 400,
          code: "InvalidApiVersionParameter",
          message: `The api-version '${apiVersion ?? ""}' is invalid. The supported versions are '${API_VERSIONS[route.family]}'.`,
        }),
      };
    }
    if (fault !== undefined) {
      faultsLeft.set(fault, (faultsLeft.get(fault) ?? 0) - 1);
      return fail(fault.failure);
    }
    return route.handle(parsed, body);
  }

  type Family = keyof typeof API_VERSIONS;
  interface Route {
    readonly family: Family;
    readonly handle: (parsed: URL, body: string) => Reply;
  }

  const visible = setup.subscriptions;
  const all = [...visible, ...(setup.hiddenSubscriptions ?? [])];
  const findSubscription = (id: string): FakeSubscription | undefined =>
    all.find((s) => s.id.toLowerCase() === id);
  const subscriptionNotFound = (id: string): Reply =>
    notFound("SubscriptionNotFound", `The subscription '${id}' could not be found.`);

  function page<T>(parsed: URL, items: readonly T[], toJson: (item: T) => object): Reply {
    const skip = Number(parsed.searchParams.get("$skiptoken") ?? "0");
    const value = items.slice(skip, skip + setup.pageSize).map(toJson);
    const next = new URL(parsed.pathname, url);
    next.searchParams.set("api-version", parsed.searchParams.get("api-version") ?? "");
    next.searchParams.set("$skiptoken", String(skip + setup.pageSize));
    return {
      status: 200,
      body: skip + setup.pageSize < items.length ? { value, nextLink: next.href } : { value },
    };
  }

  function routeOf(method: string, s: string[]): Route | undefined {
    const [root, sub, r2, r3, r4, r5, r6, r7, r8, r9] = s;
    if (
      method === "POST" &&
      s.length === 3 &&
      s.join("/") === "providers/microsoft.resourcegraph/resources"
    ) {
      return { family: "resourceGraph", handle: (_, body) => resourceGraph(body) };
    }
    if (method !== "GET" || root !== "subscriptions") return undefined;
    if (s.length === 1) return { family: "subscriptions", handle: (p) => page(p, visible, subscriptionJson) };
    const subscription = findSubscription(sub);
    if (s.length === 2) {
      return {
        family: "subscriptions",
        handle: () =>
          subscription ? { status: 200, body: subscriptionJson(subscription) } : subscriptionNotFound(sub),
      };
    }
    const provider = r2 === "providers" && r3 === "microsoft.containerservice";
    if (s.length === 5 && provider && r4 === "managedclusters") {
      return {
        family: "containerService",
        handle: (p) =>
          subscription
            ? page(p, subscription.clusters, (c) => clusterJson(subscription.id, c))
            : subscriptionNotFound(sub),
      };
    }
    if (s.length === 7 && provider && r4 === "locations" && r6 === "trustedaccessroles") {
      return { family: "containerService", handle: (p) => page(p, setup.roles?.[r5] ?? [], roleJson) };
    }
    const clusterScoped =
      r2 === "resourcegroups" &&
      r4 === "providers" &&
      r5 === "microsoft.containerservice" &&
      r6 === "managedclusters";
    const cluster = subscription?.clusters.find(
      (c) => c.resourceGroup.toLowerCase() === r3 && c.name.toLowerCase() === r7,
    );
    const clusterNotFound = (): Reply =>
      notFound(
        "ResourceNotFound",
        `The Resource 'Microsoft.ContainerService/managedClusters/${r7}' under resource group '${r3}' was not found.`,
      );
    // Only the node OS schedule exists among maintenance configurations; AKS knows it by this name.
    if (s.length === 10 && clusterScoped && r8 === "maintenanceconfigurations") {
      return {
        family: "containerService",
        handle: () => {
          if (!subscription || !cluster) return clusterNotFound();
          if (r9 !== "aksmanagednodeosupgradeschedule" || cluster.nodeOsWindowHours === undefined) {
            return notFound("NotFound", `Maintenance configuration '${s[9]}' was not found.`);
          }
          const body = nodeOsScheduleJson(
            subscription.id,
            cluster,
            "aksManagedNodeOSUpgradeSchedule",
            cluster.nodeOsWindowHours,
          );
          return { status: 200, body };
        },
      };
    }
    if (s.length === 9 && clusterScoped && r8 === "trustedaccessrolebindings") {
      return {
        family: "containerService",
        handle: (p) =>
          subscription && cluster
            ? page(p, cluster.bindings, (b) => bindingJson(subscription.id, cluster, b))
            : clusterNotFound(),
      };
    }
    return undefined;
  }

  // Resource Graph answers for the subscriptions it may read and leaves the others out without an error.
  function resourceGraph(body: string): Reply {
    const request = JSON.parse(body) as {
      subscriptions?: string[];
      options?: { $skipToken?: string; $top?: number };
    };
    const unreadable = new Set(
      (setup.faults ?? []).filter((f) => f.times === undefined).map((f) => f.path.toLowerCase()),
    );
    const rows = (request.subscriptions ?? [])
      .map((id) => findSubscription(id.toLowerCase()))
      .filter(
        (s): s is FakeSubscription =>
          s !== undefined &&
          !unreadable.has(clusterListPath(s.id).toLowerCase()) &&
          !(setup.graphLagging ?? []).includes(s.id),
      )
      .flatMap((s) =>
        s.clusters.map((c) => {
          const json = clusterJson(s.id, c) as {
            id: string;
            location: string;
            tags?: Record<string, string>;
            identity?: { type: string };
            properties: Record<string, unknown>;
          };
          // The columns of CLUSTER_QUERY's `project`.
          return {
            id: json.id,
            location: json.location,
            identityType: json.identity?.type ?? "",
            tags: json.tags ?? {},
            properties: json.properties,
          };
        }),
      )
      .sort((a, b) => a.id.localeCompare(b.id));
    const skip = Number(request.options?.$skipToken ?? "0");
    const data = rows.slice(skip, skip + setup.pageSize);
    const more = skip + setup.pageSize < rows.length;
    return {
      status: 200,
      body: {
        totalRecords: rows.length,
        count: data.length,
        resultTruncated: "false",
        ...(more ? { $skipToken: String(skip + setup.pageSize) } : {}),
        data,
        facets: [],
      },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "x-ms-request-id": "00000000-0000-0000-0000-0000000000ff",
    ...reply.headers,
  });
  res.end(text);
}
