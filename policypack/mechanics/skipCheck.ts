import * as policySdk from "@pulumi/policy";
import {
  ResourceValidationArgs,
  ResourceValidationPolicy,
  ResourceValidation,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { SkippedCheck, formatSkipNote } from "../../domain";

// @pulumi/policy 1.21 exports this class at runtime, but its proxy.d.ts does not declare it: type it here.
const UnknownValueError: abstract new (...args: never[]) => Error = policySdk.UnknownValueError;

/** The skips each policy call recorded, by the `args` object the SDK built for that call. */
const recorded = new WeakMap<object, SkippedCheck[]>();

/**
 * Says that a policy skipped one of its checks on one resource because a value it needs is known only after
 * deployment (unknown in a first preview), instead of returning silently. Call it at each such skip, then carry on:
 * the policy's other checks, and a stack policy's other resources, are still checked.
 *
 * When the policy call ends, its skips become one advisory diagnostic, as the policy SDK makes of any unknown value
 * a policy reads: `can't run policy '<name>' … during preview: values known only after deployment, so these checks
 * were skipped:` and a line `- <urn>: <unknown>` per skip. The Pulumi CLI shows it as a warning and its verdict is
 * unchanged; `aks-trusted-access check` counts each line as a skipped check of that policy on that resource, in
 * every output format. This works for every policy in `PACK_POLICIES`, which passes each through
 * {@link reportingSkips}.
 *
 * @param args the `args` the policy was called with.
 * @param unknown what the check needed and could not read, in the words of the resource's properties, e.g.
 *   `identity.type`, `sourceResourceId`, or `the target of binding "ml"`.
 * @param urn the resource whose check was skipped. A resource policy may leave it out (its resource is meant);
 *   a stack policy names the resource, so that it can report skips for several and still check the others.
 *
 * @example
 * // A resource policy, where it used to return on an unknown value:
 * const type = field(identity, "type");
 * if (type === UNKNOWN) return skipCheck(args, "identity.type");
 *
 * // A stack policy, for one resource of the stack:
 * if (undecided.length > 0) {
 *   skipCheck(args, "the targets of its bindings", cluster.resource.urn);
 *   continue;
 * }
 */
export function skipCheck(args: ResourceValidationArgs, unknown: string, urn?: string): void;
export function skipCheck(args: StackValidationArgs, unknown: string, urn: string): void;
export function skipCheck(
  args: ResourceValidationArgs | StackValidationArgs,
  unknown: string,
  urn?: string,
): void {
  const resource = urn ?? ("urn" in args ? args.urn : undefined);
  if (resource === undefined) throw new Error("skipCheck: a stack policy must name the resource it skipped");
  const skips = recorded.get(args) ?? [];
  const same = skips.findIndex((s) => s.urn === resource);
  // One line per resource: two checks of one policy skipped on one resource read as one skip of both values.
  if (same < 0) skips.push({ urn: resource, unknown });
  else if (!skips[same].unknown.split(", ").includes(unknown))
    skips[same] = { urn: resource, unknown: `${skips[same].unknown}, ${unknown}` };
  recorded.set(args, skips);
}

/**
 * The policy with its skips reported: after each call, the skips {@link skipCheck} recorded are thrown as the SDK's
 * own UnknownValueError with the note as its message (the SDK's server turns it into the advisory diagnostic). The
 * violations reported before it stay reported.
 */
export function reportingSkips<P extends ResourceValidationPolicy | StackValidationPolicy>(policy: P): P {
  if ("validateStack" in policy) {
    const validateStack = policy.validateStack;
    return {
      ...policy,
      validateStack: async (args, reportViolation) => {
        await validateStack(args, reportViolation);
        throwSkips(args);
      },
    };
  }
  const validations = policy.validateResource;
  if (validations === undefined) return policy;
  const wrap =
    (validate: ResourceValidation): ResourceValidation =>
    async (args, reportViolation) => {
      await validate(args, reportViolation);
      throwSkips(args);
    };
  return {
    ...policy,
    validateResource: Array.isArray(validations) ? validations.map(wrap) : wrap(validations),
  };
}

function throwSkips(args: object): void {
  const skips = recorded.get(args);
  if (skips === undefined) return;
  recorded.delete(args);
  // An UnknownValueError with our message: its constructor would word the message itself from a sentinel and a path.
  throw Reflect.construct(Error, [formatSkipNote(skips)], UnknownValueError) as Error;
}
