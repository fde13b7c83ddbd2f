/** This package's version, sent to the CLI as `AGENTSDK_VERSION` (kept in sync by a test). */
export const SDK_VERSION = '0.1.0';
