import * as assert from "assert";
import * as path from "path";
import { ownerOf, summarize } from "../../bench/profile/summarize";

const REPO = path.resolve(__dirname, "../..");
const frame = (url: string, functionName = "f") => ({ functionName, url, lineNumber: 0 });

describe("CPU profile summary", () => {
  const owners: { url: string; functionName?: string; owner: string }[] = [
    { url: `file://${REPO}/policypack/readers/plainProps.ts`, owner: "ours (policypack)" },
    { url: `${REPO}/components/aksCluster.ts`, owner: "ours (components)" },
    { url: `${REPO}/node_modules/@pulumi/policy/proxy.js`, owner: "@pulumi/policy" },
    { url: `${REPO}/node_modules/@pulumi/pulumi/proto/analyzer_pb.js`, owner: "protobuf + gRPC" },
    { url: `${REPO}/node_modules/@pulumi/pulumi/runtime/rpc.js`, owner: "@pulumi/pulumi" },
    { url: `${REPO}/node_modules/google-protobuf/google-protobuf.js`, owner: "protobuf + gRPC" },
    { url: `${REPO}/node_modules/typescript/lib/typescript.js`, owner: "TypeScript (ts-node)" },
    { url: `${REPO}/node_modules/ts-node/dist/index.js`, owner: "TypeScript (ts-node)" },
    { url: "", functionName: "(garbage collector)", owner: "garbage collector" },
    { url: "node:internal/modules/cjs/loader", owner: "Node internals" },
    { url: "", owner: "V8 and Node (native)" },
  ];
  for (const c of owners) {
    const shown = c.url.replace(`file://${REPO}`, "<repo>").replace(REPO, "<repo>");
    it(`gives ${shown || c.functionName || "a native frame"} to ${c.owner}`, () => {
      assert.strictEqual(ownerOf(frame(c.url, c.functionName)), c.owner);
    });
  }

  it("adds self time by owner and by function, leaving idle time out", () => {
    const summary = summarize({
      nodes: [
        { id: 1, callFrame: frame(`${REPO}/policypack/readers/bindingLinks.ts`, "candidates") },
        { id: 2, callFrame: frame("", "(garbage collector)") },
        { id: 3, callFrame: frame("", "(idle)") },
      ],
      samples: [1, 2, 1, 3],
      timeDeltas: [1000, 2000, 3000, 50000],
    });
    assert.strictEqual(summary.totalMs, 6);
    assert.deepStrictEqual(
      [...summary.byOwner],
      [
        ["ours (policypack)", 4],
        ["garbage collector", 2],
      ],
    );
    assert.deepStrictEqual([...summary.byFunction], [["candidates bindingLinks.ts:1", 4]]);
  });
});
