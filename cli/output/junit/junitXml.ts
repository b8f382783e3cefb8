/** How one test case ended. */
export type JunitOutcome =
  | { readonly kind: "passed" }
  /** `failure`: the check found a mandatory violation; `error`: it could not tell (what it needs was not read). */
  | {
      readonly kind: "failure" | "error";
      readonly message: string;
      readonly type: string;
      readonly details: string;
    }
  | { readonly kind: "skipped"; readonly message: string };

export interface JunitCase {
  /** The policy or rule: CI systems group cases by it. */
  readonly classname: string;
  /** The resource it judged. */
  readonly name: string;
  readonly outcome: JunitOutcome;
  /** What a passing case still has to say (an advisory finding), or more about a failing one. */
  readonly systemOut?: string;
}

export interface JunitSuite {
  readonly name: string;
  readonly properties?: readonly (readonly [string, string])[];
  readonly cases: readonly JunitCase[];
}

/**
 * JUnit XML as Jenkins' JUnit schema (junit-10.xsd of its xUnit plugin) defines it, and as Azure Pipelines'
 * `PublishTestResults@2`, GitLab's `artifacts:reports:junit` and Jenkins' `junit` step read it: `testsuites` with
 * `name`, `tests`, `failures`, `errors` and `time`; a `testsuite` per suite with the same counts and `skipped`;
 * a `testcase` (`classname`, `name`, `time`) holding at most one `failure`, `error` or `skipped` and an optional
 * `system-out`. Times are 0: the cases are verdicts, not timed runs. Text is escaped, and characters XML 1.0
 * cannot hold become U+FFFD.
 */
export function renderJunit(name: string, suites: readonly JunitSuite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" tests="${all.length}" failures="${count(all, "failure")}" ` +
      `errors="${count(all, "error")}" time="0">`,
    ...suites.flatMap(suiteLines),
    "</testsuites>",
  ];
  return `${lines.join("\n")}\n`;
}

function suiteLines(suite: JunitSuite): string[] {
  const { cases } = suite;
  const properties = suite.properties ?? [];
  return [
    `  <testsuite name="${attr(suite.name)}" tests="${cases.length}" failures="${count(cases, "failure")}" ` +
      `errors="${count(cases, "error")}" skipped="${count(cases, "skipped")}" time="0">`,
    ...(properties.length === 0
      ? []
      : [
          "    <properties>",
          ...properties.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`),
          "    </properties>",
        ]),
    ...cases.flatMap(caseLines),
    "  </testsuite>",
  ];
}

function caseLines(c: JunitCase): string[] {
  const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}" time="0"`;
  const children: string[] = [];
  const o = c.outcome;
  if (o.kind === "skipped") children.push(`      <skipped message="${attr(o.message)}"/>`);
  if (o.kind === "failure" || o.kind === "error") {
    children.push(
      `      <${o.kind} message="${attr(o.message)}" type="${attr(o.type)}">${text(o.details)}</${o.kind}>`,
    );
  }
  if (c.systemOut !== undefined) children.push(`      <system-out>${text(c.systemOut)}</system-out>`);
  return children.length === 0 ? [`${open}/>`] : [`${open}>`, ...children, "    </testcase>"];
}

function count(cases: readonly JunitCase[], kind: JunitOutcome["kind"]): number {
  return cases.filter((c) => c.outcome.kind === kind).length;
}

/** Characters XML 1.0 cannot hold, even escaped: control characters, U+FFFE, U+FFFF and lone surrogates. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value: also its quotes, and line breaks and tabs as references, which parsers would turn into spaces. */
function attr(value: string): string {
  return text(value)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
