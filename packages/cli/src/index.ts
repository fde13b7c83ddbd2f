export { CliError, type CliErrorCode } from './errors/CliError.js';
export {
  DEFAULT_DESCRIPTIONS,
  scaffold,
  type ScaffoldOptions,
  type ScaffoldResult,
} from './scaffold/scaffold.js';
export { addToProject, type AddToProjectOptions } from './scaffold/addToProject.js';
export {
  TEMPLATE_DESCRIPTIONS,
  TEMPLATES,
  isTemplateName,
  templateDirectory,
  type TemplateName,
} from './scaffold/templates.js';
export {
  PACKAGE_MANAGERS,
  detectPackageManager,
  isPackageManager,
  type PackageManager,
} from './scaffold/packageManager.js';
export { npmNameProblems, suggestName } from './scaffold/validateName.js';
export { nextSteps } from './scaffold/nextSteps.js';
export { validatePath, type ValidateReport } from './commands/validate.js';
export { doctor, type DoctorCheck } from './commands/doctor.js';
export { loadToolsModule, type ToolsModule } from './commands/loadToolsModule.js';
export { runAgentsdk } from './commands/agentsdk.js';
export { runCreateAgentTool } from './commands/createAgentTool.js';
export type { Io } from './util/io.js';
