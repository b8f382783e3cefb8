import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { CLUSTER_RULES } from "../../domain";
import { renderRulesTable, withRulesTable } from "../../domain/clusterRules/rulesTable";

const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("the README's table of the rules", () => {
  it("is the table the catalog renders (npm run readme:rules writes it)", () => {
    assert.equal(
      README,
      withRulesTable(README),
      "the README's rules table is stale: run npm run readme:rules",
    );
  });

  it("has a row per catalog rule, naming its Conformity title, policy and audit id", () => {
    const rows = renderRulesTable().split("\n").slice(2);
    assert.equal(rows.length, Object.keys(CLUSTER_RULES).length);
    Object.values(CLUSTER_RULES).forEach((rule, i) => {
      for (const cell of [rule.conformityRule, `\`${rule.policy}\``, `\`${rule.auditRule}\``]) {
        assert.ok(rows[i].includes(cell), `row ${i} lacks ${cell}`);
      }
    });
  });
});
