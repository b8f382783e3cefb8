/**
 * The rules of `nodePools`, as pure functions of plain values (the rules themselves live in domain).
 * Each message names the pool's key, the field, the bad value and what is allowed.
 */
import {
  Findings,
  MAX_NODES_PER_POOL,
  NODE_POOL_NAME_RULES,
  NodePoolOs,
  TAINT_FORM,
  isValidNodeCount,
  isValidNodePoolName,
  isValidTaint,
  show,
} from "../domain";
import { Subject, about } from "./validation";

const ARG = "nodePools";
const OS_TYPES: readonly NodePoolOs[] = ["Linux", "Windows"];
const none = (): Findings => ({ errors: [], warnings: [] });

/** `nodePools["gpu"]`: how messages name one pool. */
export function poolLabel(key: string): string {
  return `${ARG}[${JSON.stringify(key)}]`;
}

/** The map itself: left out, or a plain map of objects. Its keys name Azure pools, so it cannot be an Output. */
export function checkNodePoolMap(subject: Subject, map: unknown, isOutput: boolean): Findings {
  const allowed = "give a map key -> { vmSize?, count?, … }, the key being the pool's name";
  const findings = none();
  if (isOutput) {
    findings.errors.push(
      `${ARG} is an Output: it must be a plain map, because its keys name the pools; ${allowed}.`,
    );
  } else if (map !== undefined && (typeof map !== "object" || map === null || Array.isArray(map))) {
    findings.errors.push(`${ARG} ${show(map)} is not a map of node pools: ${allowed}.`);
  } else {
    for (const [key, pool] of Object.entries(map ?? {})) {
      if (typeof pool !== "object" || pool === null || Array.isArray(pool)) {
        findings.errors.push(`${poolLabel(key)} ${show(pool)} is not a node pool: ${allowed}.`);
      }
    }
  }
  return about(subject, findings);
}

/** The pool's OS type, and its key as the pool's Azure name under that OS's rule. */
export function checkNodePoolName(
  subject: Subject,
  key: string,
  osType: unknown,
  systemPoolName: unknown,
): Findings {
  const findings = none();
  if (!(typeof osType === "string" && (OS_TYPES as readonly string[]).includes(osType))) {
    findings.errors.push(
      `${poolLabel(key)}.osType ${show(osType)} is not an OS type: use "Linux" or "Windows".`,
    );
  } else if (!isValidNodePoolName(key, osType as NodePoolOs)) {
    findings.errors.push(
      `${ARG} key ${show(key)} is not a valid ${osType} node pool name (the key is the pool's Azure name): use ` +
        `${NODE_POOL_NAME_RULES[osType as NodePoolOs]}.`,
    );
  } else if (key === systemPoolName) {
    findings.errors.push(
      `${ARG} key ${show(key)} is the system node pool's name: pool names are unique per cluster, so choose ` +
        "another key.",
    );
  }
  return about(subject, findings);
}

/** The pool's size: a fixed `count`, or the autoscaler's `minCount` to `maxCount`, not both. */
export function checkNodePoolScale(
  subject: Subject,
  key: string,
  scale: { count: unknown; enableAutoScaling: unknown; minCount: unknown; maxCount: unknown },
): Findings {
  const label = poolLabel(key);
  const counts = `whole numbers from 0 to ${MAX_NODES_PER_POOL}`;
  const { count, enableAutoScaling, minCount, maxCount } = scale;
  const errors: string[] = [];
  if (enableAutoScaling !== undefined && typeof enableAutoScaling !== "boolean") {
    errors.push(
      `${label}.enableAutoScaling ${show(enableAutoScaling)} is not a boolean: give true or false.`,
    );
  } else if (enableAutoScaling === true) {
    if (count !== undefined) {
      errors.push(
        `${label}.count ${show(count)} conflicts with enableAutoScaling: give count for a pool of fixed size, or ` +
          "enableAutoScaling with minCount and maxCount, not both.",
      );
    }
    for (const [field, value] of [
      ["minCount", minCount],
      ["maxCount", maxCount],
    ] as const) {
      if (value === undefined) {
        errors.push(
          `${label}.${field} is missing: enableAutoScaling needs minCount and maxCount, ${counts}.`,
        );
      } else if (!isValidNodeCount(value, 0)) {
        errors.push(`${label}.${field} ${show(value)} is not a node count: give ${counts}.`);
      }
    }
    if (
      isValidNodeCount(minCount, 0) &&
      isValidNodeCount(maxCount, 0) &&
      Number(minCount) > Number(maxCount)
    ) {
      errors.push(
        `${label}.minCount ${show(minCount)} is greater than maxCount ${show(maxCount)}: give minCount <= maxCount.`,
      );
    }
  } else {
    if (count !== undefined && !isValidNodeCount(count, 0)) {
      errors.push(`${label}.count ${show(count)} is not a node count: give ${counts}.`);
    }
    for (const [field, value] of [
      ["minCount", minCount],
      ["maxCount", maxCount],
    ] as const) {
      if (value !== undefined) {
        errors.push(
          `${label}.${field} ${show(value)} is given without enableAutoScaling: set enableAutoScaling to true, or ` +
            "give count alone.",
        );
      }
    }
  }
  return about(subject, { errors, warnings: [] });
}

/** The pool's taints, each `key=value:Effect`. */
export function checkNodeTaints(subject: Subject, key: string, taints: unknown): Findings {
  const label = `${poolLabel(key)}.nodeTaints`;
  const errors: string[] = [];
  if (taints === undefined) return about(subject, { errors, warnings: [] });
  if (!Array.isArray(taints)) {
    errors.push(`${label} ${show(taints)} is not a list of taints: give a list of ${TAINT_FORM}.`);
  } else {
    taints.forEach((taint: unknown, i) => {
      if (!(typeof taint === "string" && isValidTaint(taint))) {
        errors.push(`${label}[${i}] ${show(taint)} is not a taint: write ${TAINT_FORM}.`);
      }
    });
  }
  return about(subject, { errors, warnings: [] });
}
