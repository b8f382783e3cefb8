import * as assert from "assert";
import { parseReportFlags } from "../../cli/command/reportFlag";
import { UsageError } from "../../cli/command/usageError";

const FORMATS = ["text", "json", "sarif", "markdown", "junit"];
const ALLOWED = "text, json, sarif, markdown, junit";

describe("--report FORMAT=FILE", () => {
  const accepted: { name: string; values: string[]; out?: string; expected: object[] }[] = [
    { name: "takes none", values: [], expected: [] },
    {
      name: "takes several, in order, beside --out",
      values: ["sarif=out.sarif", "junit=reports/out.xml", "markdown=summary.md"],
      out: "report.json",
      expected: [
        { format: "sarif", file: "out.sarif" },
        { format: "junit", file: "reports/out.xml" },
        { format: "markdown", file: "summary.md" },
      ],
    },
    {
      name: "keeps an = in the file name: only the first one separates",
      values: ["json=a=b.json"],
      expected: [{ format: "json", file: "a=b.json" }],
    },
  ];
  for (const c of accepted) {
    it(c.name, () => assert.deepStrictEqual(parseReportFlags(c.values, FORMATS, c.out), c.expected));
  }

  const refused: { name: string; values: string[]; out?: string; message: string }[] = [
    {
      name: "refuses a value without =, naming the formats",
      values: ["junit"],
      message: `--report "junit" is not FORMAT=FILE: give e.g. --report junit=results.xml, with FORMAT one of ${ALLOWED}.`,
    },
    {
      name: "refuses an empty file",
      values: ["junit="],
      message: `--report "junit=" is not FORMAT=FILE: give e.g. --report junit=results.xml, with FORMAT one of ${ALLOWED}.`,
    },
    {
      name: "refuses an empty format",
      values: ["=out.xml"],
      message: `--report "=out.xml" is not FORMAT=FILE: give e.g. --report junit=results.xml, with FORMAT one of ${ALLOWED}.`,
    },
    {
      name: "refuses a format the command does not write",
      values: ["sarif=out.sarif", "xml=out.xml"],
      message: `--report "xml=out.xml" names the format "xml", which this command does not write: give one of ${ALLOWED}.`,
    },
    {
      name: "refuses two reports to one file",
      values: ["junit=out.xml", "sarif=./out.xml"],
      message:
        '--report "sarif=./out.xml" writes the file "./out.xml", as --report "junit=out.xml" does: give each ' +
        "report a file of its own.",
    },
  ];
  for (const c of refused) {
    it(c.name, () =>
      assert.throws(() => parseReportFlags(c.values, FORMATS, c.out), new UsageError(c.message)),
    );
  }
});
