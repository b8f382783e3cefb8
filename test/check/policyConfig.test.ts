import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CheckError } from "../../cli/check/checkError";
import { PolicyConfigFile, readPolicyConfigFile } from "../../cli/check/policy/policyConfigFile";
import { reconcilePolicyConfig } from "../../cli/check/policy/reconcilePolicyConfig";
import { packInfo, policyInfo } from "./support/packInfo";

const required = policyInfo({
  name: "required",
  configSchema: {
    properties: {
      exemptClusters: { type: "array", items: { type: "string" }, default: [] },
      exemptTag: { type: "string", minLength: 1, default: "exempt" },
      mode: { enum: ["strict", "lax"] },
    },
    required: [],
  },
});
const advisory = policyInfo({ name: "privileged", enforcementLevel: "advisory" });
const withRequiredSetting = policyInfo({
  name: "needs-setting",
  configSchema: { properties: { owner: { type: "string" } }, required: ["owner"] },
});
const pack = packInfo([required, advisory]);
const file = (entries: PolicyConfigFile["entries"]): PolicyConfigFile => ({
  file: "config.json",
  flag: "--policy-pack-config",
  entries,
});

describe("check: policy pack config, reconciled as the Pulumi CLI does", () => {
  const reconciled: {
    name: string;
    given?: PolicyConfigFile;
    expected: ReturnType<typeof reconcilePolicyConfig>;
  }[] = [
    {
      name: "without a file, every policy at its own level with its schema's defaults",
      expected: {
        required: { enforcementLevel: "mandatory", properties: { exemptClusters: [], exemptTag: "exempt" } },
        privileged: { enforcementLevel: "advisory" },
      },
    },
    {
      name: '"all" sets every level, and a policy\'s own entry wins over it',
      given: file({ all: { enforcementLevel: "disabled" }, privileged: { enforcementLevel: "mandatory" } }),
      expected: {
        required: { enforcementLevel: "disabled", properties: { exemptClusters: [], exemptTag: "exempt" } },
        privileged: { enforcementLevel: "mandatory" },
      },
    },
    {
      name: "settings override defaults one by one and keep the level",
      given: file({ required: { properties: { exemptClusters: ["aks-legacy"] } } }),
      expected: {
        required: {
          enforcementLevel: "mandatory",
          properties: { exemptClusters: ["aks-legacy"], exemptTag: "exempt" },
        },
        privileged: { enforcementLevel: "advisory" },
      },
    },
  ];
  for (const c of reconciled) {
    it(`gives ${c.name}`, () => assert.deepStrictEqual(reconcilePolicyConfig(pack, c.given), c.expected));
  }

  it("applies the pack's initial config before the file", () => {
    const initial = packInfo([required], {
      required: { enforcementLevel: "advisory", properties: { exemptTag: "skip" } },
    });
    assert.deepStrictEqual(reconcilePolicyConfig(initial), {
      required: { enforcementLevel: "advisory", properties: { exemptClusters: [], exemptTag: "skip" } },
    });
  });

  const invalid: {
    name: string;
    info?: ReturnType<typeof packInfo>;
    given: PolicyConfigFile;
    message: string;
  }[] = [
    {
      name: "a setting of the wrong type",
      given: file({ required: { properties: { exemptClusters: "aks" } } }),
      message:
        'Policy pack "pack" config (--policy-pack-config config.json) is not valid: policy "required": property ' +
        '"exemptClusters" is "aks", but it must be an array.',
    },
    {
      name: "a wrong item inside a list",
      given: file({ required: { properties: { exemptClusters: ["aks", 7] } } }),
      message:
        'Policy pack "pack" config (--policy-pack-config config.json) is not valid: policy "required": property ' +
        '"exemptClusters[1]" is 7, but it must be a string.',
    },
    {
      name: "a value outside an enum",
      given: file({ required: { properties: { mode: "loose" } } }),
      message:
        'Policy pack "pack" config (--policy-pack-config config.json) is not valid: policy "required": property ' +
        '"mode" is "loose", but it must be one of "strict", "lax".',
    },
    {
      name: "a string shorter than its minimum",
      given: file({ required: { properties: { exemptTag: "" } } }),
      message:
        'Policy pack "pack" config (--policy-pack-config config.json) is not valid: policy "required": property ' +
        '"exemptTag" is "", but it must NOT have fewer than 1 characters.',
    },
    {
      name: "a missing required setting",
      info: packInfo([withRequiredSetting]),
      given: file({}),
      message:
        'Policy pack "pack" config (--policy-pack-config config.json) is not valid: policy "needs-setting": ' +
        'property "owner" is required.',
    },
    {
      name: "a policy the pack does not have",
      given: file({ requird: { enforcementLevel: "advisory" } }),
      message:
        'Policy pack "pack" (--policy-pack-config config.json) has no policy "requird": its policies are ' +
        '"required", "privileged" (and "all" sets every level).',
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}, naming policy, property, value and what is allowed`, () => {
      assert.throws(
        () => reconcilePolicyConfig(c.info ?? pack, c.given),
        (err: unknown) => err instanceof CheckError && err.message === c.message,
      );
    });
  }
});

describe("check: --policy-pack-config files in the Pulumi CLI's format", () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-policy-config-"))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  it("reads levels as strings or inside objects, settings beside them, and drops empty entries", () => {
    const p = write(
      "ok.json",
      '{"all":"advisory","a":{"enforcementLevel":"mandatory","x":[1]},"b":{},"c":{"y":true}}',
    );
    assert.deepStrictEqual(readPolicyConfigFile(p), {
      file: p,
      flag: "--policy-pack-config",
      entries: {
        all: { enforcementLevel: "advisory" },
        a: { enforcementLevel: "mandatory", properties: { x: [1] } },
        c: { properties: { y: true } },
      },
    });
  });

  it("accepts an empty file, as the CLI does", () => {
    const p = write("empty.json", "  \n");
    assert.deepStrictEqual(readPolicyConfigFile(p), { file: p, flag: "--policy-pack-config", entries: {} });
  });

  const bad: { name: string; text: string; message: (p: string) => string }[] = [
    {
      name: "an unknown level",
      text: '{"a":"strict"}',
      message: (p) =>
        `--policy-pack-config ${p}: "a" is "strict", which is not an enforcement level: use one of "advisory", ` +
        '"mandatory", "remediate", "disabled".',
    },
    {
      name: "an unknown level inside an object",
      text: '{"a":{"enforcementLevel":1}}',
      message: (p) =>
        `--policy-pack-config ${p}: "a.enforcementLevel" is 1, which is not an enforcement level: use one of ` +
        '"advisory", "mandatory", "remediate", "disabled".',
    },
    {
      name: "a value that is neither a level nor an object",
      text: '{"a":[1]}',
      message: (p) =>
        `--policy-pack-config ${p}: "a" is [1]; give an enforcement level ("advisory", "mandatory", "remediate", ` +
        '"disabled") or an object of settings.',
    },
    {
      name: "a file that is not a JSON object",
      text: "[]",
      message: (p) =>
        `--policy-pack-config ${p} must hold a JSON object of policy names to an enforcement level or an object ` +
        'of settings, e.g. { "all": "advisory", "some-policy": { "enforcementLevel": "mandatory" } }.',
    },
  ];
  for (const c of bad) {
    it(`rejects ${c.name}`, () => {
      const p = write("bad.json", c.text);
      assert.throws(
        () => readPolicyConfigFile(p),
        (err: unknown) => err instanceof CheckError && err.message === c.message(p),
      );
    });
  }

  it("rejects text that is not JSON, quoting the parser", () => {
    const p = write("broken.json", "{ all: advisory }");
    assert.throws(
      () => readPolicyConfigFile(p),
      (err: unknown) =>
        err instanceof CheckError && err.message.startsWith(`--policy-pack-config ${p} is not valid JSON: `),
    );
  });
});
