import * as pulumi from "@pulumi/pulumi";

/** What the system pool and the user pools share: their defaults and how they send zones to Azure. */
export const POOL_DEFAULTS = {
  /** 4 vCPUs, 16 GiB: the size AKS recommends for system pools, and a sound general-purpose size. */
  vmSize: "Standard_D4ds_v5",
  /** One node per availability zone. */
  count: 3,
  availabilityZones: ["1", "2", "3"],
  enableFips: true,
} as const;

/** The zones to send: the default when none are given, and nothing at all for `[]` ("no zones"). */
export function zonesOrNone(
  zones: pulumi.Input<pulumi.Input<string>[]> | undefined,
): pulumi.Output<string[] | undefined> {
  return pulumi
    .output(zones ?? [...POOL_DEFAULTS.availabilityZones])
    .apply((z) => (z.length > 0 ? z : undefined));
}
