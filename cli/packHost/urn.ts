import { PackInputError } from "./errors";

/**
 * A resource URN as the engine builds it: `urn:pulumi:<stack>::<project>::<type chain>::<name>`, where the type
 * chain is the parent's type chain (if the parent is not the stack) joined to the type with `$`.
 */
export function resourceUrn(args: {
  readonly stack: string;
  readonly project: string;
  readonly type: string;
  readonly name: string;
  /** URN of the parent resource; leave out for a resource parented to the stack. */
  readonly parentUrn?: string;
}): string {
  const parentChain = args.parentUrn === undefined ? undefined : typeChainOf(args.parentUrn);
  const chain =
    parentChain === undefined || parentChain === "pulumi:pulumi:Stack"
      ? args.type
      : `${parentChain}$${args.type}`;
  return `urn:pulumi:${args.stack}::${args.project}::${chain}::${args.name}`;
}

function typeChainOf(urn: string): string {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) {
    throw new PackInputError(
      `parentUrn ${JSON.stringify(urn)} is not a URN (urn:pulumi:<stack>::<project>::<type>::<name>)`,
    );
  }
  return parts[2];
}
