// `npm run readme:rules`: write the README's table of the rules from the catalog (CLUSTER_RULES), between its
// markers. The test test/structure/readmeRules.test.ts fails while the README's table differs from the catalog's.
const fs = require("fs");
const path = require("path");

const readme = path.join(__dirname, "..", "README.md");
const { withRulesTable } = require("../dist/domain/clusterRules/rulesTable");
fs.writeFileSync(readme, withRulesTable(fs.readFileSync(readme, "utf8")));
console.log(`wrote the rules table of ${path.relative(process.cwd(), readme) || "README.md"}`);
