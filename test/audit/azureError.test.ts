import { strict as assert } from "node:assert";
import { RestError } from "@azure/core-rest-pipeline";
import { describeAzureError } from "../../cli/audit/azureError";

describe("describeAzureError", () => {
  const cases: [string, unknown, string][] = [
    [
      "names status, code and message of a 403",
      new RestError("No access.", { statusCode: 403, code: "AuthorizationFailed" }),
      "HTTP 403 AuthorizationFailed: No access.",
    ],
    [
      "says a 429 outlasted the retries",
      new RestError("Throttled.", { statusCode: 429, code: "TooManyRequests" }),
      "HTTP 429 TooManyRequests: Throttled. (still throttled after the SDK's retries)",
    ],
    [
      "says a 503 outlasted the retries",
      new RestError("Busy.", { statusCode: 503 }),
      "HTTP 503: Busy. (still failing after the SDK's retries)",
    ],
    [
      "keeps the first line of a long message",
      new RestError("First.\nSecond.", { statusCode: 404, code: "NotFound" }),
      "HTTP 404 NotFound: First.",
    ],
    [
      "names a connection failure by its code",
      new RestError("connect ECONNREFUSED 127.0.0.1:1", { code: "ECONNREFUSED" }),
      "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1",
    ],
    ["gives the message of any other error", new TypeError("x is undefined"), "x is undefined"],
    ["shows a thrown non-error", "odd", 'unexpected failure "odd"'],
  ];
  for (const [name, err, expected] of cases) it(name, () => assert.equal(describeAzureError(err), expected));
});
