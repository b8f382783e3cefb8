import * as assert from "assert";
import { renderMarkdown } from "../../cli/output/checkMarkdown";
import { MARKDOWN_LIMIT_BYTES, renderFindings } from "../../cli/output/markdown/findingsTable";
import { MAX_CELL_CHARACTERS, cell, codeCell } from "../../cli/output/markdown/markdownText";
import { reportWithViolations } from "./support/reportWithViolations";

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const tableRows = (markdown: string): string[] =>
  markdown
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Policy |") && !l.startsWith("| --- |"));

describe("Markdown reports: cells", () => {
  const cases: { name: string; text: string; cell: string }[] = [
    { name: "keeps plain words", text: "aks-prod is public.", cell: "aks-prod is public." },
    { name: "escapes a pipe, which would end the cell", text: "a | b", cell: "a \\| b" },
    { name: "turns line breaks into <br>", text: "one\ntwo\r\nthree", cell: "one<br>two<br>three" },
    {
      name: "shows HTML and Markdown punctuation as written",
      text: "<region> *x* _y_ `z` [l](u) ~s~ #h &amp;",
      cell: "\\<region\\> \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\#h \\&amp;",
    },
    {
      name: "cuts a long text, saying how much it cut",
      text: "x".repeat(MAX_CELL_CHARACTERS + 25),
      cell: `${"x".repeat(MAX_CELL_CHARACTERS)}… (25 more characters)`,
    },
  ];
  for (const c of cases) it(`${c.name}`, () => assert.strictEqual(cell(c.text), c.cell));

  it("writes a command as a code span whose fence is longer than any run of backticks in it", () => {
    assert.strictEqual(codeCell("az aks list"), "`az aks list`");
    assert.strictEqual(codeCell("echo `a` ``b``"), "``` echo `a` ``b`` ```");
    assert.strictEqual(codeCell("x | y"), "`x \\| y`");
  });
});

describe("Markdown reports: GitHub's 1 MiB step summary limit", () => {
  it("keeps a report of 20,000 long violations under the limit, mandatory rows first, and counts what it left out", () => {
    const report = reportWithViolations(20_000, 900);
    const markdown = renderMarkdown(report);
    assert.ok(bytes(markdown) <= MARKDOWN_LIMIT_BYTES, `${bytes(markdown)} bytes`);
    assert.ok(MARKDOWN_LIMIT_BYTES < 1024 * 1024);
    const rows = tableRows(markdown);
    const shown = rows.length;
    const mandatoryShown = rows.filter((r) => r.includes("| mandatory |")).length;
    // 6,667 mandatory violations do not all fit: every shown row is mandatory.
    assert.strictEqual(mandatoryShown, shown);
    const omitted = 20_000 - shown;
    assert.ok(
      markdown.includes(
        `**${omitted} more violations not shown** (${6_667 - shown} mandatory, 13333 advisory) of 20000, to keep ` +
          "this report under GitHub's 1 MiB step summary limit: every one is in the text, JSON, SARIF and JUnit reports.",
      ),
      markdown.slice(-800),
    );
    // The verdict comes first and the skipped checks are still counted after the cut.
    assert.ok(
      markdown.startsWith(
        "## ❌ aks-trusted-access check: failed\n\n**FAILED: a mandatory policy is violated.**",
      ),
    );
    assert.ok(
      markdown.endsWith(
        "- aks-trusted-access-required (mandatory): 1 check\n- aks-private-cluster (advisory): 1 check\n",
      ),
    );
  });

  it("shows every row, and no truncation sentence, when they fit", () => {
    const markdown = renderMarkdown(reportWithViolations(30));
    assert.strictEqual(tableRows(markdown).length, 30);
    assert.ok(!markdown.includes("not shown"));
  });

  it("stays within any limit it is given, down to a table of no rows", () => {
    for (const limit of [4_000, 10_000, 100_000]) {
      const markdown = renderMarkdown(reportWithViolations(500, 300), limit);
      assert.ok(bytes(markdown) <= limit, `${bytes(markdown)} > ${limit}`);
      assert.ok(/\*\*\d+ more violations not shown\*\*/.test(markdown));
    }
  });

  it("counts multi-byte characters as the bytes GitHub counts", () => {
    const doc = {
      head: ["## ✅"],
      headers: ["A"],
      rows: Array.from({ length: 100 }, () => ({ level: "advisory", cells: ["é".repeat(100)] })),
      tail: [],
      noun: "row",
      fullReports: "elsewhere",
    };
    const markdown = renderFindings(doc, 5_000);
    assert.ok(bytes(markdown) <= 5_000, `${bytes(markdown)} bytes`);
    assert.ok(markdown.length < bytes(markdown));
  });
});
