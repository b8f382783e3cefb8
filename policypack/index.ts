import { PolicyPack } from "@pulumi/policy";
import { trustedAccessRequired } from "./policies";

new PolicyPack("aks-trusted-access", {
  policies: [trustedAccessRequired],
});
