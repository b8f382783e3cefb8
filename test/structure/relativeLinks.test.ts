import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { anchorsOf, brokenLinks, headingSlug, markdownFiles } from "./support/markdownLinks";

/**
 * Every relative link of the repository's documentation resolves: the Markdown files at the root (README.md,
 * CONTRIBUTING.md), under docs/ and under examples/. A path must name an existing file or folder, and an `#anchor`
 * into a Markdown file one of its headings, by GitHub's slug rules. What it does not prove: that links to other
 * sites work (nothing here leaves the machine), or that GitHub renders a heading exactly as the slug rules assume
 * for syntax this documentation does not use (HTML inside headings, setext headings).
 */
const ROOT = path.resolve(__dirname, "../..");
const rootMarkdown = fs.readdirSync(ROOT).filter((name) => name.endsWith(".md"));
const FILES = markdownFiles(ROOT, [...rootMarkdown, "docs", "examples"]);

describe("relative links in the documentation", () => {
  it("finds the README, CONTRIBUTING.md and the docs", () => {
    const names = FILES.map((file) => path.relative(ROOT, file));
    for (const expected of [
      "README.md",
      "CONTRIBUTING.md",
      "docs/components.md",
      "docs/check.md",
      "docs/audit.md",
    ]) {
      assert.ok(names.includes(expected), `${expected} not among ${names.join(", ")}`);
    }
  });

  for (const file of FILES) {
    const name = path.relative(ROOT, file);
    it(`every relative link of ${name} resolves`, () => {
      const broken = brokenLinks(file).map((b) => `${name}:${b.line}: ${b.target}: ${b.problem}`);
      assert.deepStrictEqual(broken, []);
    });
  }
});

describe("GitHub's heading anchors", () => {
  const cases: { heading: string; slug: string }[] = [
    { heading: "Quick start", slug: "quick-start" },
    { heading: "KMS and Trusted Access: a conflict", slug: "kms-and-trusted-access-a-conflict" },
    {
      heading: "Before deployment: `pulumi preview --policy-pack`",
      slug: "before-deployment-pulumi-preview---policy-pack",
    },
    { heading: "Exit codes of `check` and `audit`", slug: "exit-codes-of-check-and-audit" },
    {
      heading: "`check` on programs shaped like Pulumi's AKS examples",
      slug: "check-on-programs-shaped-like-pulumis-aks-examples",
    },
    { heading: "The **five** rules, _side_ by side", slug: "the-five-rules-side-by-side" },
    { heading: "[Links](https://example.com) keep their text", slug: "links-keep-their-text" },
    { heading: "pulumi_aks_trusted_access ÷ 2", slug: "pulumi_aks_trusted_access--2" },
  ];
  for (const c of cases) {
    it(`slugs "${c.heading}" as #${c.slug}`, () => assert.strictEqual(headingSlug(c.heading), c.slug));
  }

  it("numbers repeated headings as GitHub does, and ignores headings inside code blocks", () => {
    const anchors = anchorsOf("## Options\n\n```sh\n# not a heading\n```\n\n### Options\n");
    assert.deepStrictEqual([...anchors], ["options", "options-1"]);
  });
});

describe("the link check itself", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "links-"));
    fs.writeFileSync(path.join(dir, "other.md"), "# Other\n\n## A section\n");
    fs.writeFileSync(
      path.join(dir, "page.md"),
      [
        "# Page",
        "",
        "[ok](other.md#a-section) [ok](#page) [ok](https://example.com/missing) `[code](missing.md)`",
        "[missing file](gone.md) [missing anchor](other.md#no-such-section) [missing here](#nowhere)",
        "",
        "```md",
        "[inside a code block](gone-too.md)",
        "```",
        "",
        "[ref]: ./also-gone.txt",
      ].join("\n"),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reports a missing file, a missing anchor in another file or its own, and a reference definition", () => {
    assert.deepStrictEqual(brokenLinks(path.join(dir, "page.md")), [
      { line: 4, target: "gone.md", problem: "no such file or folder: gone.md" },
      {
        line: 4,
        target: "other.md#no-such-section",
        problem: "no heading with anchor #no-such-section in other.md",
      },
      { line: 4, target: "#nowhere", problem: "no heading with anchor #nowhere in this file" },
      { line: 10, target: "./also-gone.txt", problem: "no such file or folder: ./also-gone.txt" },
    ]);
  });
});
