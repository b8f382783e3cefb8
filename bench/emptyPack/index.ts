import { PolicyPack } from "@pulumi/policy";

// The floor: the same SDK, server and compile step as the real pack (same tsconfig), and no policy to run.
new PolicyPack("bench-empty-pack", { policies: [] });
