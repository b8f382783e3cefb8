export { PackCallError, PackInputError, PackStartError } from "./errors";
export { liveProcessCount } from "./liveProcesses";
export { UNKNOWN_SENTINELS } from "./propertyEncoding";
export {
  PropertyMap,
  PropertyValue,
  ResourceReference,
  SecretValue,
  UnknownKind,
  UnknownValue,
  isResourceReference,
  isSecret,
  isUnknown,
  resourceReference,
  secret,
  unknown,
} from "./propertyValues";
export { PackSession, StartPolicyPackOptions, startPolicyPack, withPolicyPack } from "./session";
export {
  AnalysisResult,
  Diagnostic,
  ENFORCEMENT_LEVELS,
  EnforcementLevel,
  JsonValue,
  LogEntry,
  NotApplicable,
  PackInfo,
  PolicyConfig,
  PolicyInfo,
  ProviderResource,
  ResourceOptions,
  ResourceToAnalyze,
  Severity,
  StackResource,
  StackSettings,
} from "./types";
export { resourceUrn } from "./urn";
