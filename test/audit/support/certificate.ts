import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface LoopbackCertificate {
  readonly certPath: string;
  readonly cert: string;
  readonly key: string;
}

/**
 * A self-signed certificate for 127.0.0.1, made now with the openssl CLI in `dir`. Clients trust it through
 * `NODE_EXTRA_CA_CERTS` (child processes) or the SDK's `tlsOptions.ca` (in-process), never by turning checks off.
 */
export function makeLoopbackCertificate(dir: string): LoopbackCertificate {
  const certPath = join(dir, "arm-cert.pem");
  const keyPath = join(dir, "arm-key.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", keyPath, "-out", certPath, "-days", "1", "-subj", "/CN=127.0.0.1"],
      ...["-addext", "subjectAltName=IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
  return { certPath, cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8") };
}
