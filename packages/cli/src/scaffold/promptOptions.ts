import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { cancel, confirm, intro, isCancel, select, text } from '@clack/prompts';
import { CliError } from '../errors/CliError.js';
import { DEFAULT_DESCRIPTIONS, type ScaffoldOptions } from './scaffold.js';
import { TEMPLATE_DESCRIPTIONS, TEMPLATES, type TemplateName } from './templates.js';
import { baseName, kebabNameProblems, npmNameProblems, suggestName } from './validateName.js';

/** What the flags already decided; the prompts ask only for the rest. */
export interface PromptDefaults {
  template?: TemplateName;
  name?: string;
  directory?: string;
  description?: string;
  install?: boolean;
  overwrite?: boolean;
  cwd: string;
}

/** Ask for whatever the flags left open (interactive terminals only). Cancelling throws `CANCELLED`. */
export async function promptOptions(
  given: PromptDefaults,
  streams: { input: Readable; output: Writable },
): Promise<Omit<ScaffoldOptions, 'packageManager' | 'git'>> {
  const io = { input: streams.input, output: streams.output };
  const answer = <T>(value: T | symbol): Exclude<T, symbol> => {
    if (isCancel(value)) {
      cancel('Cancelled: nothing was written.', io);
      throw new CliError('CANCELLED', 'Cancelled: nothing was written.');
    }
    return value as Exclude<T, symbol>;
  };
  intro('create-agent-tool', io);

  // Ask about a non-empty target as soon as its name is known, before any other question.
  let overwrite = given.overwrite ?? false;
  const confirmTarget = async (directory: string): Promise<void> => {
    const target = resolve(given.cwd, directory);
    if (overwrite || !existsSync(target) || !readdirSync(target).some((e) => e !== '.git')) return;
    overwrite = answer(
      await confirm({
        ...io,
        message: `${directory} is not empty. Remove its files and continue?`,
        initialValue: false,
      }),
    );
    if (!overwrite) {
      cancel(`Cancelled: ${directory} was left as it is.`, io);
      throw new CliError('CANCELLED', `Cancelled: ${directory} was left as it is.`);
    }
  };
  if (given.directory !== undefined) await confirmTarget(given.directory);

  const template =
    given.template ??
    answer(
      await select<TemplateName>({
        ...io,
        message: 'What do you want to build?',
        options: TEMPLATES.map((value) => ({
          value,
          label: value,
          hint: TEMPLATE_DESCRIPTIONS[value],
        })),
        initialValue: 'tool',
      }),
    );
  const rules = template === 'tool' ? npmNameProblems : kebabNameProblems;
  const fallback = suggestName(given.directory ?? 'my-agent-tool');
  const name =
    given.name ??
    answer(
      await text({
        ...io,
        message:
          template === 'tool'
            ? 'Package name:'
            : `${template[0]?.toUpperCase()}${template.slice(1)} name:`,
        placeholder: fallback,
        defaultValue: fallback,
        validate: (value) => {
          const problems = rules(value === undefined || value === '' ? fallback : value);
          return problems.length > 0 ? `Invalid name: ${problems.join('; ')}` : undefined;
        },
      }),
    );
  const directory = given.directory ?? baseName(name);
  if (given.directory === undefined) await confirmTarget(directory);
  const description =
    given.description ??
    answer(
      await text({
        ...io,
        message: 'Description:',
        placeholder: DEFAULT_DESCRIPTIONS[template](baseName(name)),
        defaultValue: DEFAULT_DESCRIPTIONS[template](baseName(name)),
      }),
    );
  const install =
    given.install ??
    answer(await confirm({ ...io, message: 'Install dependencies now?', initialValue: true }));
  return { template, name, directory, description, install, overwrite, cwd: given.cwd };
}
