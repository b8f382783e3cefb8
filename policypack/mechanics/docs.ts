import { CLUSTER_RULES } from "../../domain";

/** Pages the policies link to (the SDK's `url` metadata), from the rules' catalog. */
export const TRUSTED_ACCESS_DOCS = CLUSTER_RULES["trusted-access"].docs;
export { MANAGED_IDENTITY_DOCS } from "../../domain";
