/**
 * The components' argument rules, as pure functions of plain values (any of which may be `UNKNOWN`). The rules
 * themselves live in domain, one function per field; these name the component, the argument and the
 * binding key in each message, and each reads as few values as possible (see bindingChecks.ts for why).
 */
import {
  CLUSTER_NAME_RULE,
  Findings,
  MAX_BINDINGS_PER_CLUSTER,
  checkAgainstEarlierBindings,
  checkBindingCount,
  checkBindingName as checkAzureBindingName,
  checkRoles,
  checkRolesFitSource as checkRolesFitSourceRule,
  checkSourceResourceId,
  checkSourceSubscription as checkSourceSubscriptionRule,
  isValidClusterName,
  parseArmId,
  show,
} from "../domain";

/** Whose arguments are checked: `AksCluster "prod"`, whose bindings sit in the argument `trustedAccess`. */
export interface Subject {
  readonly component: string;
  readonly name: string;
  /** The argument that holds the map of bindings: `trustedAccess` or `bindings`. */
  readonly mapArg: string;
}

/** What the rules need of one binding; `name` is the Azure name, the key when none is given. */
export interface BindingValues {
  readonly key: string;
  readonly name: unknown;
  readonly sourceResourceId: unknown;
}

const noFindings = (): Findings => ({ errors: [], warnings: [] });

/** `findings` with each message prefixed by the component and its name: `AksCluster "prod": …`. */
export function about(subject: Subject, findings: Findings): Findings {
  const prefix = `${subject.component} ${JSON.stringify(subject.name)}: `;
  return {
    errors: findings.errors.map((m) => prefix + m),
    warnings: findings.warnings.map((m) => prefix + m),
  };
}

/** `trustedAccess["ml"]`: how messages name one binding. */
export function bindingLabel(subject: Subject, key: string): string {
  return `${subject.mapArg}[${JSON.stringify(key)}]`;
}

/** The map itself: a plain object with 1 to 8 entries, each an object. */
export function checkBindingMap(subject: Subject, map: unknown, isOutput: boolean): Findings {
  const allowed = `give 1 to ${MAX_BINDINGS_PER_CLUSTER} entries key -> { sourceResourceId, roles, name? }`;
  const findings = noFindings();
  if (isOutput) {
    findings.errors.push(
      `${subject.mapArg} is an Output: it must be a plain map, because its keys name the binding resources; ${allowed}.`,
    );
  } else if (typeof map !== "object" || map === null || Array.isArray(map)) {
    findings.errors.push(`${subject.mapArg} ${show(map)} is not a map of bindings: ${allowed}.`);
  } else {
    const keys = Object.keys(map);
    if (keys.length === 0) {
      findings.errors.push(
        `${subject.mapArg} is empty: ${allowed}. A cluster without a Trusted Access binding fails the rule ` +
          '"Enable Trusted Access for AKS Clusters".',
      );
    }
    findings.errors.push(...checkBindingCount(keys.map((key) => bindingLabel(subject, key))).errors);
    for (const [key, entry] of Object.entries(map)) {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        findings.errors.push(
          `${bindingLabel(subject, key)} ${show(entry)} is not a binding: give { sourceResourceId, roles, name? }.`,
        );
      }
    }
  }
  return about(subject, findings);
}

/** The binding's Azure name on its own. `nameGiven` false means the key stands in for it. */
export function checkBindingName(subject: Subject, key: string, name: unknown, nameGiven: boolean): Findings {
  const label = bindingLabel(subject, key);
  const findings = checkAzureBindingName(label, "name", name);
  const hint = ` The name defaults to the key: set ${label}.name, or choose another key.`;
  return about(subject, {
    errors: findings.errors.map((m) => (nameGiven ? m : m + hint)),
    warnings: findings.warnings,
  });
}

/** The binding's roles on their own (errors, and warnings for roles the catalog does not hold). */
export function checkBindingRoles(subject: Subject, key: string, roles: unknown): Findings {
  const label = bindingLabel(subject, key);
  return about(subject, checkRoles(label, roles));
}

/** The binding's source resource id on its own. */
export function checkBindingSource(subject: Subject, key: string, sourceResourceId: unknown): Findings {
  const label = bindingLabel(subject, key);
  return about(subject, checkSourceResourceId(label, sourceResourceId));
}

/** Only what needs roles and source together: the source is of the type the roles are made for. */
export function checkRolesFitSource(
  subject: Subject,
  key: string,
  roles: unknown,
  sourceResourceId: unknown,
): Findings {
  const label = bindingLabel(subject, key);
  const fit = checkRolesFitSourceRule(
    label,
    checkRoles(label, roles).value,
    checkSourceResourceId(label, sourceResourceId).value,
  );
  return about(subject, fit);
}

/**
 * What one binding adds to the per-cluster rules, given the bindings before it in the map: a name or a source
 * already taken. Reported on the later binding, as the domain does.
 */
export function checkAgainstEarlier(
  subject: Subject,
  earlier: readonly BindingValues[],
  binding: BindingValues,
): Findings {
  const identity = (b: BindingValues) => ({
    label: bindingLabel(subject, b.key),
    name: b.name,
    sourceResourceId: b.sourceResourceId,
  });
  return about(subject, checkAgainstEarlierBindings(earlier.map(identity), identity(binding)));
}

/**
 * A warning when the source and the cluster sit in different subscriptions. The cluster's subscription is read
 * from an ARM id in it: the cluster's own, or one of its bindings'.
 */
export function checkSourceSubscription(
  subject: Subject,
  key: string,
  sourceResourceId: unknown,
  idInClusterSubscription: unknown,
): Findings {
  const parsed =
    typeof idInClusterSubscription === "string" ? parseArmId(idInClusterSubscription) : undefined;
  const clusterSubscriptionId = parsed?.ok ? parsed.id.subscriptionId : undefined;
  return about(
    subject,
    checkSourceSubscriptionRule(
      { label: bindingLabel(subject, key), sourceResourceId },
      clusterSubscriptionId,
    ),
  );
}

/** The cluster's Azure name, when one is given. */
export function checkClusterName(subject: Subject, field: string, name: unknown): Findings {
  const findings = noFindings();
  if (!(typeof name === "string" && isValidClusterName(name))) {
    findings.errors.push(`${field} ${show(name)} is not a valid cluster name: use ${CLUSTER_NAME_RULE}.`);
  }
  return about(subject, findings);
}

/** The resource group: a non-empty string (Azure checks that it exists). */
export function checkResourceGroupName(subject: Subject, name: unknown): Findings {
  const findings = noFindings();
  if (!(typeof name === "string" && name.trim() !== "")) {
    findings.errors.push(
      `resourceGroupName ${show(name)} is not a resource group name: give the name of the resource group ` +
        "that holds the cluster.",
    );
  }
  return about(subject, findings);
}

/** Whether the API server is private: a boolean. */
export function checkPrivateCluster(subject: Subject, value: unknown): Findings {
  const findings = noFindings();
  if (value !== undefined && typeof value !== "boolean") {
    findings.errors.push(
      `privateCluster ${show(value)} is not a boolean: give true (the default: a private API server) or false.`,
    );
  }
  return about(subject, findings);
}
