// `@agentsdk/core/internal`: what our other packages (testing's recorder, the agent platform, the
// `agentsdk doctor` command, the tools server's in-flight calls) need from core. Not part of the user API:
// no changeset promise, and it may change in any release.
export { BASE_ARGS, buildArgs } from './transport/buildArgs.js';
export { buildEnv } from './transport/buildEnv.js';
export { compareVersions } from './cli/cliVersion.js';
export { InFlightList, type InFlightEntry } from './control/InFlightList.js';
export { isThenable } from './control/isThenable.js';
