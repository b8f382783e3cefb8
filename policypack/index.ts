import { PolicyPack } from "@pulumi/policy";
import {
  bindingLimits,
  bindingValid,
  privilegedRoles,
  systemAssignedIdentity,
  trustedAccessRequired,
} from "./policies";

new PolicyPack("aks-trusted-access", {
  policies: [trustedAccessRequired, bindingValid, bindingLimits, systemAssignedIdentity, privilegedRoles],
});
