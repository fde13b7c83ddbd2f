import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  formatDiagnostic,
  validatePlugin,
  validateSkillDirectory,
  type PluginDiagnostic,
  type SkillDiagnostic,
} from '@agentsdk/skills';
import { CliError } from '../errors/CliError.js';
import { line, painter, type Io } from '../util/io.js';
import { parseFlags } from '../util/parseFlags.js';

export const VALIDATE_HELP = `Usage: agentsdk validate [path] [--json] [--strict] [--lenient]

Check a skill (a folder with SKILL.md), a plugin (.claude-plugin/plugin.json), a marketplace
(.claude-plugin/marketplace.json) or a project's .claude/ folder. path defaults to ".".
Agent Skills format violations (name rules, name = folder, a description present and at most
1024 characters, frontmatter present and valid YAML, agents with a description) are errors.

Options:
  --json      print {"path","kind","valid","errors","warnings","diagnostics":[…]} on stdout
  --strict    count warnings as errors
  --lenient   compatibility mode: the severities \`claude plugin validate\` uses (the format
              violations Claude Code tolerates become warnings)
  -h, --help  show this help

Exit codes: 0 valid, 1 errors found (or nothing to validate), 2 bad usage.
`;

export interface ValidateReport {
  path: string;
  kind: 'skill' | 'plugin' | 'marketplace' | 'project';
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: (SkillDiagnostic | PluginDiagnostic)[];
}

/** Validate a skill, plugin, marketplace or project folder. */
export async function validatePath(
  path: string,
  options: { strict?: boolean; lenient?: boolean } = {},
): Promise<ValidateReport> {
  const target = resolve(path);
  if (!existsSync(target)) {
    throw new CliError(
      'FILE_NOT_FOUND',
      `Nothing to validate at ${target}: the path does not exist.`,
    );
  }
  const lenient = options.lenient ?? false;
  let kind: ValidateReport['kind'];
  let diagnostics: (SkillDiagnostic | PluginDiagnostic)[];
  if (statSync(target).isDirectory() && existsSync(join(target, 'SKILL.md'))) {
    kind = 'skill';
    diagnostics = (await validateSkillDirectory(target, { lenient })).diagnostics;
  } else if (target.endsWith('SKILL.md')) {
    kind = 'skill';
    diagnostics = (await validateSkillDirectory(resolve(target, '..'), { lenient })).diagnostics;
  } else {
    const result = await validatePlugin(target, { strict: options.strict ?? false, lenient });
    kind = result.kind;
    diagnostics = result.diagnostics;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return {
    path: target,
    kind,
    valid: errors === 0 && (!options.strict || warnings === 0),
    errors,
    warnings,
    diagnostics,
  };
}

export async function runValidate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('agentsdk validate', args, {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    lenient: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new CliError('USAGE', 'agentsdk validate: give one path.');
  const report = await validatePath(resolve(io.cwd, positionals[0] ?? '.'), {
    strict: values.strict ?? false,
    lenient: values.lenient ?? false,
  });
  if (values.json) {
    line(io.stdout, JSON.stringify(report, null, 2));
  } else {
    const paint = painter(io.stdout, io.env);
    for (const d of report.diagnostics)
      line(io.stdout, paint(d.severity === 'error' ? 'red' : 'yellow', formatDiagnostic(d)));
    const summary = `${report.kind} ${report.path}: ${report.errors} error(s), ${report.warnings} warning(s)`;
    line(
      io.stderr,
      report.valid ? `${paint('green', '✔')} ${summary}` : `${paint('red', '✘')} ${summary}`,
    );
  }
  return report.valid ? 0 : 1;
}
