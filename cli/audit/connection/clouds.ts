/** The Azure clouds `--cloud` accepts, named as `az cloud list` names them. Their endpoints: cloudEndpoints.ts. */
export const Cloud = {
  AzureCloud: "AzureCloud",
  AzureChinaCloud: "AzureChinaCloud",
  AzureUSGovernment: "AzureUSGovernment",
} as const;
export type Cloud = (typeof Cloud)[keyof typeof Cloud];
