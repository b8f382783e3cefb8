export {
  trustedAccessRequired,
  DEFAULT_EXEMPT_TAG,
  TrustedAccessRequiredConfig,
} from "./trustedAccessRequired";
