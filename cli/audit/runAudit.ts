import { RuleSelection, auditCluster } from "./auditCluster";
import { describeAzureError } from "./azureError";
import { Connection, ConnectionOptions, connect } from "./connection/connection";
import { listClusters } from "./inventory/clusters";
import { listClustersWithResourceGraph } from "./inventory/resourceGraph";
import {
  SubscriptionLookup,
  SubscriptionRef,
  listVisibleSubscriptions,
  lookUpSubscriptions,
} from "./inventory/subscriptions";
import { levelOf } from "./enforcement";
import { Limiter, createLimiter } from "./limiter";
import type { AuditReport, LiveCluster, ClusterResult, SubscriptionResult } from "./report";
import { CHECKED_RULES, policiesOf } from "./rules";

/** What `aks-trusted-access audit` audits and how. */
export interface AuditOptions extends ConnectionOptions, RuleSelection {
  /** Subscription ids to audit, or `"all"` for every subscription the credential can see. */
  readonly subscriptions: "all" | readonly string[];
  /** List clusters with Azure Resource Graph instead of one Resource Manager call per subscription. */
  readonly resourceGraph: boolean;
  /** Most Azure requests in flight at once. Defaults to 8 on the command line. */
  readonly concurrency: number;
}

/** Counts for a progress line; totals grow as subscriptions are read. */
export interface AuditProgress {
  readonly subscriptionsDone: number;
  readonly subscriptionsTotal: number;
  readonly clustersDone: number;
  readonly clustersTotal: number;
}

type ClusterListing = { readonly clusters: readonly LiveCluster[] } | { readonly reason: string };

/**
 * Audits the clusters of the chosen subscriptions. A subscription or cluster that cannot be read is part of the
 * report, with Azure's reason; only a failure to sign in or to list subscriptions throws (`AuditSetupError`).
 */
export async function runAudit(
  options: AuditOptions,
  onProgress: (progress: AuditProgress) => void = () => undefined,
): Promise<AuditReport> {
  const connection = await connect(options);
  const limit = createLimiter(options.concurrency);
  const lookups =
    options.subscriptions === "all"
      ? await listVisibleSubscriptions(connection, limit)
      : await lookUpSubscriptions(connection, limit, options.subscriptions);

  const progress = {
    subscriptionsDone: 0,
    subscriptionsTotal: lookups.length,
    clustersDone: 0,
    clustersTotal: 0,
  };
  const report = (): void => onProgress({ ...progress });
  report();

  const readable = lookups.filter((l) => l.status === "found").map((l) => l.subscription);
  const listings = options.resourceGraph
    ? await graphListings(connection, limit, readable)
    : new Map<string, Promise<ClusterListing>>(readable.map((s) => [s.id, armListing(connection, limit, s)]));

  const results = await Promise.all(
    lookups.map(async (lookup: SubscriptionLookup): Promise<SubscriptionResult> => {
      const { id, name } = lookup.subscription;
      if (lookup.status === "unreadable") {
        progress.subscriptionsDone++;
        report();
        return { status: "unreadable", id, name, reason: lookup.reason };
      }
      const listing = await (listings.get(id) as Promise<ClusterListing>);
      if ("reason" in listing) {
        progress.subscriptionsDone++;
        report();
        return { status: "unreadable", id, name, reason: listing.reason };
      }
      progress.clustersTotal += listing.clusters.length;
      report();
      const client = connection.containerService(id);
      const clusters = await Promise.all(
        listing.clusters.map(async (cluster) => {
          const result = await auditCluster(client, limit, cluster, options);
          progress.clustersDone++;
          report();
          return result;
        }),
      );
      progress.subscriptionsDone++;
      report();
      return { status: "read", id, name, clusters: sortClusters(clusters) };
    }),
  );
  return {
    clusterSource: options.resourceGraph ? "resource-graph" : "resource-manager",
    rules: options.rules,
    requireMaintenanceWindow: options.requireMaintenanceWindow,
    ...(options.enforcement.configFile === undefined ? {} : { policyConfig: options.enforcement.configFile }),
    enforcementLevels: Object.fromEntries(
      CHECKED_RULES.flatMap(policiesOf).map((policy) => [policy, levelOf(options.enforcement, policy)]),
    ),
    subscriptions: sortSubscriptions(results),
  };
}

async function armListing(
  connection: Connection,
  limit: Limiter,
  s: SubscriptionRef,
): Promise<ClusterListing> {
  try {
    return { clusters: await listClusters(connection.containerService(s.id), limit) };
  } catch (err) {
    return { reason: describeAzureError(err) };
  }
}

/**
 * The cluster lists of Resource Graph. Resource Graph leaves out, without a word, the subscriptions the credential
 * may not read, so a subscription for which it found no cluster is asked again through Resource Manager (one
 * cluster list, empty in the common case): a failure there makes it unreadable, as on the Resource Manager path,
 * and clusters found there (Resource Graph had not caught up) are audited.
 */
async function graphListings(
  connection: Connection,
  limit: Limiter,
  subscriptions: readonly SubscriptionRef[],
): Promise<Map<string, Promise<ClusterListing>>> {
  const batches = await listClustersWithResourceGraph(
    connection,
    limit,
    subscriptions.map((s) => s.id),
  );
  const byId = new Map(subscriptions.map((s) => [s.id, s]));
  const listings = new Map<string, Promise<ClusterListing>>();
  for (const batch of batches) {
    const bySubscription = new Map<string, LiveCluster[]>();
    for (const c of "error" in batch ? [] : batch.clusters) {
      const key = c.subscriptionId.toLowerCase();
      const list = bySubscription.get(key);
      if (list === undefined) bySubscription.set(key, [c]);
      else list.push(c);
    }
    for (const id of batch.subscriptionIds) {
      if ("error" in batch) {
        const reason = `Resource Graph query failed: ${describeAzureError(batch.error)}`;
        listings.set(id, Promise.resolve({ reason }));
        continue;
      }
      const clusters = bySubscription.get(id.toLowerCase()) ?? [];
      const subscription = byId.get(id);
      listings.set(
        id,
        clusters.length > 0 || subscription === undefined
          ? Promise.resolve({ clusters })
          : armListing(connection, limit, subscription),
      );
    }
  }
  return listings;
}

const byText = (a: string, b: string): number => a.toLowerCase().localeCompare(b.toLowerCase(), "en");

function sortClusters(clusters: ClusterResult[]): ClusterResult[] {
  return [...clusters].sort(
    (a, b) =>
      byText(a.cluster.resourceGroup, b.cluster.resourceGroup) || byText(a.cluster.name, b.cluster.name),
  );
}

function sortSubscriptions(subscriptions: SubscriptionResult[]): SubscriptionResult[] {
  return [...subscriptions].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
}
