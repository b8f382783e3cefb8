import { TestSuites, parse } from "junit2json";
import { validateXML } from "xmllint-wasm";

/**
 * The constraints of Jenkins' JUnit schema that our reports rely on, restated as an XSD: junit-10.xsd of the Jenkins
 * xUnit plugin (`src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd`), the schema Jenkins
 * documents for JUnit reports and the one JUnit writers for Azure Pipelines and GitLab follow. Restated, not copied,
 * and narrower where we write less (no `rerunFailure`, `flakyFailure` or nested suites), never wider:
 * - `testsuites` holds only `testsuite` elements and has no attributes but `name`, `time`, `tests`, `failures` and
 *   `errors` (no `skipped` there: junit-10.xsd does not allow it);
 * - `testsuite` requires `name`, `tests`, `failures` and `errors`; `skipped` and `time` are optional; it holds
 *   `properties` and `testcase` elements;
 * - `property` requires `name` and `value`;
 * - `testcase` requires `name`; `classname` and `time` are optional; it holds `skipped`, `error`, `failure` and
 *   `system-out` elements, each of `failure`, `error` and `skipped` with optional `message` and `type`;
 * - `time` follows junit-10.xsd's SUREFIRE_TIME pattern.
 */
export const JUNIT_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="time">
    <xs:restriction base="xs:string">
      <xs:pattern value="(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]*)?"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="outcome" mixed="true">
    <xs:attribute name="type" type="xs:string"/>
    <xs:attribute name="message" type="xs:string"/>
  </xs:complexType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="time" type="time"/>
      <xs:attribute name="tests" type="xs:string"/>
      <xs:attribute name="failures" type="xs:string"/>
      <xs:attribute name="errors" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="properties">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="name" type="xs:string" use="required"/>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="testcase">
          <xs:complexType>
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="skipped" type="outcome"/>
              <xs:element name="error" type="outcome"/>
              <xs:element name="failure" type="outcome"/>
              <xs:element name="system-out" type="xs:string"/>
            </xs:choice>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="time" type="xs:string"/>
            <xs:attribute name="classname" type="xs:string"/>
          </xs:complexType>
        </xs:element>
      </xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:string" use="required"/>
      <xs:attribute name="failures" type="xs:string" use="required"/>
      <xs:attribute name="errors" type="xs:string" use="required"/>
      <xs:attribute name="skipped" type="xs:string"/>
      <xs:attribute name="time" type="time"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

/** xmllint's verdict (libxml2 compiled to WebAssembly, from npm): the messages of what breaks {@link JUNIT_XSD}. */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "report.xml", contents: xml }],
    schema: [{ fileName: "junit.xsd", contents: JUNIT_XSD }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** The report as junit2json, a maintained JUnit parser, reads it. */
export async function parseJunit(xml: string): Promise<TestSuites> {
  const parsed = await parse(xml);
  if (parsed === undefined || parsed === null || !("testsuite" in parsed || "name" in parsed)) {
    throw new Error(`not a <testsuites> document: ${xml.slice(0, 200)}`);
  }
  return parsed as TestSuites;
}

/** Each test case as `classname | name | outcome`, with the outcome's message. */
export function caseOutcomes(suites: TestSuites): string[] {
  return (suites.testsuite ?? []).flatMap((suite) =>
    (suite.testcase ?? []).map((c) => {
      const outcome =
        c.failure !== undefined
          ? `failure: ${c.failure[0].message}`
          : c.error !== undefined
            ? `error: ${c.error[0].message}`
            : c.skipped !== undefined
              ? `skipped: ${c.skipped[0].message}`
              : "passed";
      return `${c.classname} | ${c.name} | ${outcome}`;
    }),
  );
}
