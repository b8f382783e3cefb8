import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, PACK_POLICIES } from "./policies";

new PolicyPack(PACK_NAME, { policies: [...PACK_POLICIES] });
