import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { REPO } from "../support/builtPackage";
import { cliCommandLines, unknownParts, words } from "./support/commandLines";

const load = (file: string): unknown => yaml.load(fs.readFileSync(path.join(REPO, file), "utf8"));
/** The FILE of `--report FORMAT=FILE` in a command line. */
const reportFile = (line: string, format: string): string | undefined =>
  words(line)
    .find((w) => w.startsWith(`${format}=`))
    ?.slice(format.length + 1);

describe("docs: the CI templates use only commands and options the CLI has", () => {
  it("finds an unknown option, a bad --output and a bad --report value (the check is not vacuous)", () => {
    assert.deepStrictEqual(
      unknownParts("npx aks-trusted-access check . --output xml --fast --report sarif"),
      [
        "check --output xml: not one of text, json, sarif, markdown, junit",
        "check has no option --fast",
        '--report "sarif" is not FORMAT=FILE: give e.g. --report junit=results.xml, with FORMAT one of text, json, sarif, markdown, junit.',
      ],
    );
    assert.deepStrictEqual(unknownParts("aks-trusted-access scan ."), ["no command scan"]);
    assert.deepStrictEqual(unknownParts("aks-trusted-access audit --rule fips"), [
      "audit --rule fips: not one of trusted-access-missing, node-os-auto-upgrade, private-cluster, node-pool-fips, kms-private-key-vault",
    ]);
  });

  for (const file of ["docs/ci/azure-pipelines.yml", "docs/ci/gitlab-ci.yml"]) {
    it(`${file}: every aks-trusted-access command and option exists`, () => {
      const lines = cliCommandLines(load(file));
      assert.ok(lines.length > 0, "no aks-trusted-access command found");
      assert.deepStrictEqual(
        lines.flatMap((l) => unknownParts(l).map((p) => `${l}\n  ${p}`)),
        [],
      );
    });
  }

  it("docs/ci.md: every aks-trusted-access command line of its examples exists", () => {
    const markdown = fs.readFileSync(path.join(REPO, "docs/ci.md"), "utf8");
    const lines = cliCommandLines(markdown);
    assert.ok(lines.length >= 6, lines.join("\n"));
    assert.deepStrictEqual(lines.flatMap(unknownParts), []);
  });

  it("Azure Pipelines publishes the JUnit and Markdown files that check and audit write", () => {
    const pipeline = load("docs/ci/azure-pipelines.yml") as {
      jobs: { job: string; steps: { task?: string; script?: string; inputs?: Record<string, string> }[] }[];
    };
    for (const job of pipeline.jobs) {
      const command = cliCommandLines(job.steps).find((l) => / (check|audit) /.test(l)) ?? "";
      const published = job.steps.filter((s) => s.task === "PublishTestResults@2").map((s) => s.inputs ?? {});
      assert.deepStrictEqual(
        published.map((i) => [i.testResultsFormat, i.testResultsFiles]),
        [["JUnit", reportFile(command, "junit")]],
        job.job,
      );
      const summary = job.steps.find((s) => s.script?.includes("##vso[task.uploadsummary]"));
      assert.strictEqual(
        summary?.script,
        `echo "##vso[task.uploadsummary]${reportFile(command, "markdown")}"`,
      );
    }
  });

  it("GitLab reads the JUnit file that check writes, and keeps the Markdown and SARIF ones", () => {
    const job = (
      load("docs/ci/gitlab-ci.yml") as Record<
        string,
        { script: string[]; artifacts: { when: string; paths: string[]; reports: { junit: string } } }
      >
    )["aks-trusted-access"];
    const command = cliCommandLines(job.script)[0];
    assert.strictEqual(job.artifacts.reports.junit, reportFile(command, "junit"));
    assert.deepStrictEqual(job.artifacts.paths, [
      reportFile(command, "markdown"),
      reportFile(command, "sarif"),
    ]);
    assert.strictEqual(job.artifacts.when, "always");
  });
});
