import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { cacheFolder } from "../../support/cacheFolder";
import { run } from "./goModules";

/**
 * The jars a generated Java SDK compiles against, as its build.gradle names them (`com.pulumi:pulumi`, jsr305,
 * gson), from Maven Central with their dependencies, kept in the cache folder (outside the repository) by a digest
 * of the list. Fetched OUTSIDE the sandbox; javac then needs no network.
 */
const ARTIFACTS = [
  ["com.pulumi", "pulumi", "1.0.0"],
  ["com.google.code.findbugs", "jsr305", "3.0.2"],
  ["com.google.code.gson", "gson", "2.8.9"],
];

/** Why a Java SDK cannot be compiled here, or undefined when javac and mvn run. */
export function javaMissing(): string | undefined {
  for (const tool of ["javac", "mvn"]) {
    const probe = spawnSync(tool, ["-version"], { stdio: "ignore" });
    if (probe.status !== 0) return `${tool} is not installed`;
  }
  return undefined;
}

/** The folder holding the jars, downloaded once with `mvn dependency:copy-dependencies`. */
export async function javaSdkClasspath(): Promise<string> {
  const key = ARTIFACTS.map((a) => a.join(":")).join(",");
  const dir = path.join(
    cacheFolder("java-sdk-classpath"),
    crypto.createHash("sha256").update(key).digest("hex").slice(0, 12),
  );
  const lib = path.join(dir, "lib");
  if (fs.existsSync(path.join(dir, ".complete"))) return lib;
  fs.mkdirSync(dir, { recursive: true });
  const dependencies = ARTIFACTS.map(
    ([group, artifact, version]) =>
      `<dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`,
  ).join("");
  fs.writeFileSync(
    path.join(dir, "pom.xml"),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>` +
      `<groupId>local.invalid</groupId><artifactId>java-sdk-classpath</artifactId><version>0.0.0</version>` +
      `<dependencies>${dependencies}</dependencies></project>`,
  );
  await run(
    "mvn",
    ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${lib}`],
    dir,
    process.env,
  );
  fs.writeFileSync(path.join(dir, ".complete"), key + "\n");
  return lib;
}

/** Every .java file under the given folders. */
export function javaSources(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => file.endsWith(".java"))
      .map((file) => path.join(dir, file)),
  );
}
