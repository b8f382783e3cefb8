import * as assert from "assert";
import {
  isValidNodeCount,
  isValidNodePoolName,
  isValidStartTime,
  isValidTaint,
  isValidUtcOffset,
  isValidWindowHours,
} from "../../domain";

/** Each rule, with values it must accept and values it must refuse. */
const rules: { name: string; test: (v: never) => boolean; accepts: unknown[]; refuses: unknown[] }[] = [
  {
    name: "a Linux node pool name",
    test: (v: string) => isValidNodePoolName(v, "Linux"),
    accepts: ["a", "apps", "gpu2", "abcdefghijkl"],
    refuses: ["", "2apps", "Apps", "app-s", "app_s", "abcdefghijklm"],
  },
  {
    name: "a Windows node pool name",
    test: (v: string) => isValidNodePoolName(v, "Windows"),
    accepts: ["w", "win22", "abcdef"],
    refuses: ["abcdefg", "Win", "1win"],
  },
  {
    name: "a node count",
    test: (v: unknown) => isValidNodeCount(v, 0),
    accepts: [0, 1, 1000],
    refuses: [-1, 1001, 1.5, "3", NaN, undefined],
  },
  {
    name: "a taint",
    test: (v: string) => isValidTaint(v),
    accepts: [
      "sku=gpu:NoSchedule",
      "sku=:PreferNoSchedule",
      "example.com/team=ml:NoExecute",
      "kubernetes.azure.com/scalesetpriority=spot:NoSchedule",
      "a.b_c-d=v.1_2-3:NoSchedule",
    ],
    refuses: [
      "sku=gpu",
      "sku:NoSchedule",
      "=gpu:NoSchedule",
      "sku=gpu:noschedule",
      "-sku=gpu:NoSchedule",
      "sku=gpu:NoRun",
    ],
  },
  {
    name: "a window start time",
    test: (v: string) => isValidStartTime(v),
    accepts: ["00:00", "09:30", "23:59"],
    refuses: ["24:00", "9:30", "12:60", "12:00:00", ""],
  },
  {
    name: "a UTC offset",
    test: (v: string) => isValidUtcOffset(v),
    accepts: ["+00:00", "-00:00", "+05:30", "-12:00", "+14:00"],
    refuses: ["00:00", "+5:30", "-12:30", "+14:30", "+15:00", "+05:60"],
  },
  {
    name: "a node OS window length",
    test: (v: unknown) => isValidWindowHours(v),
    accepts: [4, 12, 24],
    refuses: [3, 25, 4.5, "4", undefined],
  },
];

for (const rule of rules) {
  describe(`the rule of ${rule.name}`, () => {
    for (const value of rule.accepts) {
      it(`accepts ${JSON.stringify(value)}`, () => assert.strictEqual(rule.test(value as never), true));
    }
    for (const value of rule.refuses) {
      it(`refuses ${JSON.stringify(value) ?? String(value)}`, () =>
        assert.strictEqual(rule.test(value as never), false));
    }
  });
}
