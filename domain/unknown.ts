/**
 * Stands for a value that is not known yet (a Pulumi preview of a computed value). Validators skip every check that
 * would need it, so an unknown value never produces an error by guesswork.
 */
export const UNKNOWN: unique symbol = Symbol("unknown until the resource is created");
export type Unknown = typeof UNKNOWN;
