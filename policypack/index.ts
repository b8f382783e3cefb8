import { PolicyPack } from "@pulumi/policy";
import { PACK_POLICIES } from "./policies";

new PolicyPack("aks-trusted-access", { policies: [...PACK_POLICIES] });
