import * as assert from "assert";
import { parseOutputs } from "./support/githubActions";

describe("the simulated runner reads $GITHUB_OUTPUT as GitHub does", () => {
  const cases: { name: string; file: string; outputs: Record<string, string> }[] = [
    {
      name: "name=value lines, the value up to the line's end",
      file: "a=1\nb=x=y\n",
      outputs: { a: "1", b: "x=y" },
    },
    { name: "an empty value", file: "sarif=\n", outputs: { sarif: "" } },
    {
      name: "a name<<DELIMITER block over several lines",
      file: "summary<<EOF\nline 1\nline 2\nEOF\nafter=2\n",
      outputs: { summary: "line 1\nline 2", after: "2" },
    },
    { name: "the last of two values of one name", file: "a=1\na=2\n", outputs: { a: "2" } },
  ];
  for (const c of cases) it(c.name, () => assert.deepStrictEqual(parseOutputs(c.file), c.outputs));

  it("refuses a block without its closing delimiter", () => {
    assert.throws(() => parseOutputs("summary<<EOF\nline\n"), /output summary: no closing EOF/);
  });
});
