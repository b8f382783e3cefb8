import { FourFormCase, fourFormTests } from "./support/validationRelatedRules";

const cases: FourFormCase[] = [
  {
    name: "rejects a privateCluster that is not a boolean (from JavaScript)",
    args: (replace) => ({ privateCluster: replace("yes") as boolean }),
    type: "azure-native:containerservice:ManagedCluster",
    resource: "prod",
    input: "apiServerAccessProfile",
    message: 'privateCluster "yes" is not a boolean: give true (the default: a private API server) or false.',
  },
];

describe("AksCluster argument checks: privateCluster", () => {
  fourFormTests(cases);
});
