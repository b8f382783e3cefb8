import * as assert from "assert";
import { dnsPrefixFor } from "../../components/dnsPrefix";

describe("dnsPrefixFor", () => {
  const cases = [
    { name: "keeps a name that is already a DNS prefix", from: "prod-aks-1", prefix: "prod-aks-1" },
    { name: "turns underscores and dots into hyphens", from: "prod_aks.eu", prefix: "prod-aks-eu" },
    { name: "drops hyphens at either end", from: "_prod_", prefix: "prod" },
    {
      name: "cuts to 54 characters, ending on a letter or digit",
      from: `${"a".repeat(53)}-b`,
      prefix: "a".repeat(53),
    },
    { name: "falls back to aks when nothing usable is left", from: "___", prefix: "aks" },
  ];
  for (const c of cases) {
    it(c.name, () => assert.strictEqual(dnsPrefixFor(c.from), c.prefix));
  }
});
