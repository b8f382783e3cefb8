import { AzureAuthorityHosts } from "@azure/identity";
import type { Cloud } from "./clouds";

export interface CloudEndpoints {
  /** Azure Resource Manager, also the audience of its tokens. */
  readonly armEndpoint: string;
  /** Microsoft Entra ID sign-in host, for the credentials that call it. */
  readonly authorityHost: string;
}

export const CLOUD_ENDPOINTS: Readonly<Record<Cloud, CloudEndpoints>> = {
  AzureCloud: {
    armEndpoint: "https://management.azure.com",
    authorityHost: AzureAuthorityHosts.AzurePublicCloud,
  },
  AzureChinaCloud: {
    armEndpoint: "https://management.chinacloudapi.cn",
    authorityHost: AzureAuthorityHosts.AzureChina,
  },
  AzureUSGovernment: {
    armEndpoint: "https://management.usgovcloudapi.net",
    authorityHost: AzureAuthorityHosts.AzureGovernment,
  },
};
