import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../domain";
import { ComponentChecks, holdBack } from "./deferredChecks";
import type { TrustedAccessBindingArgs } from "./trustedAccessBindingArgs";
import {
  Subject,
  bindingLabel,
  checkAgainstEarlier,
  checkBindingMap,
  checkBindingName,
  checkBindingRoles,
  checkBindingSource,
  checkRolesFitSource,
  checkSourceSubscription,
} from "./validation";

/** One binding's inputs, each held back until the checks on it have passed. */
export interface CheckedBinding {
  readonly key: string;
  readonly name: pulumi.Input<string>;
  readonly roles: pulumi.Input<pulumi.Input<string>[]>;
  readonly sourceResourceId: pulumi.Input<string>;
}

/**
 * Checks a map of bindings and returns their checked inputs, in map order.
 *
 * Each check reads as few values as it can and holds back only the input it blames, because a check that reads
 * an Output unknown during preview makes the input it holds back unknown too. So a binding's name, roles and
 * source are each checked alone; the roles-to-source check holds back the source; a name or source already taken
 * holds back the later binding, never an earlier one. Adding a binding whose source is not created yet thus
 * leaves the preview of the existing bindings alone (an unknown source would show as a replacement).
 */
export function checkBindings(subject: Subject, map: unknown, checks: ComponentChecks): CheckedBinding[] {
  const mapFindings = checkBindingMap(subject, map, pulumi.Output.isInstance(map));
  checks.report(subject.mapArg, mapFindings);
  if (mapFindings.errors.length > 0) return [];
  const earlier: { key: string; name: pulumi.Input<string>; sourceResourceId: pulumi.Input<string> }[] = [];
  return Object.entries(map as Record<string, TrustedAccessBindingArgs>).map(([key, args]) => {
    const name = args.name ?? key;
    const { roles, sourceResourceId } = args;
    const label = bindingLabel(subject, key);
    // A name left out is the key: the binding itself is then what the message is about.
    const nameArgument = args.name === undefined ? label : `${label}.name`;
    const nameValid = checks.check({
      argument: nameArgument,
      reads: [name],
      findings: ([n]) => checkBindingName(subject, key, n, args.name !== undefined),
    });
    const rolesValid = checks.check({
      argument: `${label}.roles`,
      reads: [roles],
      findings: ([r]) => checkBindingRoles(subject, key, r),
    });
    const sourceValid = checks.check({
      argument: `${label}.sourceResourceId`,
      reads: [sourceResourceId],
      findings: ([s]) => checkBindingSource(subject, key, s),
    });
    const rolesFitSource = checks.check({
      argument: `${label}.sourceResourceId`,
      reads: [roles, sourceResourceId],
      findings: ([r, s]) => checkRolesFitSource(subject, key, r, s),
    });
    const prior = [...earlier];
    const nameFree = checks.check({
      argument: nameArgument,
      reads: [...prior.map((b) => b.name), name],
      findings: (names) =>
        checkAgainstEarlier(
          subject,
          prior.map((b, i) => ({ key: b.key, name: names[i], sourceResourceId: UNKNOWN })),
          { key, name: names[prior.length], sourceResourceId: UNKNOWN },
        ),
    });
    const sourceFree = checks.check({
      argument: `${label}.sourceResourceId`,
      reads: [...prior.map((b) => b.sourceResourceId), sourceResourceId],
      findings: (sources) =>
        checkAgainstEarlier(
          subject,
          prior.map((b, i) => ({ key: b.key, name: UNKNOWN, sourceResourceId: sources[i] })),
          { key, name: UNKNOWN, sourceResourceId: sources[prior.length] },
        ),
    });
    earlier.push({ key, name, sourceResourceId });
    return {
      key,
      name: holdBack(name, [nameValid, nameFree]),
      roles: holdBack(roles, [rolesValid]),
      sourceResourceId: holdBack(sourceResourceId, [sourceValid, rolesFitSource, sourceFree]),
    };
  });
}

/**
 * Warns about each binding whose source sits in another subscription than the cluster, once both are known.
 * `idInClusterSubscription` gives, per key, an ARM id in the cluster's subscription (the cluster's or the
 * binding's own id), which is unknown until that resource exists: a warning holds nothing back. Reads the
 * declared sources, not the held-back ones, so that a failed check does not surface here a second time.
 */
export function warnAboutForeignSources(
  subject: Subject,
  map: Readonly<Record<string, TrustedAccessBindingArgs>>,
  idInClusterSubscription: (key: string) => pulumi.Input<string>,
  checks: ComponentChecks,
): void {
  for (const [key, { sourceResourceId }] of Object.entries(map)) {
    checks.warnWhenKnown({
      reads: [sourceResourceId, idInClusterSubscription(key)],
      findings: ([source, id]) => checkSourceSubscription(subject, key, source, id),
    });
  }
}
