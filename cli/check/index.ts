export { CheckError } from "./checkError";
export { registerCheckCommand } from "./checkCommand";
export { CheckOptions, CheckTimings, runCheck } from "./runCheck";
export { statusLine } from "./statusLine";
