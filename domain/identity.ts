/** The identity type the Cloud Conformity rule asks of a cluster, and that Trusted Access is built on. */
const SYSTEM_ASSIGNED = "SystemAssigned";

/** Whether an identity type is SystemAssigned; ARM compares enum values ignoring case. */
export function isSystemAssigned(identityType: unknown): boolean {
  return typeof identityType === "string" && identityType.toLowerCase() === SYSTEM_ASSIGNED.toLowerCase();
}
