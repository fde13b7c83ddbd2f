// Which models a managed `deniedModels` list blocks, by the rules the CLI documents for the
// setting: a family alias blocks the family; a model ID blocks that version in every spelling
// (dates, `-fast`, provider prefixes ignored); an ID without a minor version blocks every minor
// version; aliases whose model changes with the release are ignored.

/** What `matchDeniedModels()` answers. */
export interface DeniedModelsMatch {
  /** For each model asked about, in order: whether an entry blocks it. */
  denied: boolean[];
  /** Entries that were ignored or block more than their text suggests, and bad input. */
  warnings: string[];
}

const FAMILIES = ['sonnet', 'opus', 'haiku', 'fable'];
const MOVING_ALIASES = ['best', 'opusplan', 'default', 'sonnet[1m]', 'opus[1m]', 'fable[1m]'];
const REGIONS = ['us', 'eu', 'apac', 'jp', 'au', 'us-gov', 'global'];

interface ModelId {
  family: string;
  major: number;
  minor?: number;
}

type Entry =
  | { kind: 'family'; family: string }
  | { kind: 'model'; id: ModelId }
  | { kind: 'literal'; value: string };

const stripContextTag = (text: string): string => text.replace(/\[(1|2)m\]/gi, '');

/** `claude-opus-5-5-20260101`, `us.anthropic.claude-opus-5-5-v1:0`, `claude-3-5-sonnet` → its id. */
function parseModelId(raw: string): ModelId | undefined {
  let text = stripContextTag(raw.trim().toLowerCase());
  if (text === '' || /\s/.test(text)) return undefined;
  text = text.slice(text.lastIndexOf('/') + 1);
  const provider = /^(?:([a-z-]+)\.)?anthropic\.(claude-.*)$/.exec(text);
  if (provider) {
    if (provider[1] !== undefined && !REGIONS.includes(provider[1])) return undefined;
    text = provider[2] ?? '';
  }
  const familyFirst = /^claude-([a-z]+)-(\d{1,2})(?!\d)(?:-(\d{1,2})(?!\d))?/.exec(text);
  const versionFirst = /^claude-(\d{1,2})(?!\d)(?:-(\d{1,2})(?!\d))?-([a-z]+)/.exec(text);
  const [base, family, major, minor] = familyFirst
    ? [familyFirst[0], familyFirst[1], familyFirst[2], familyFirst[3]]
    : versionFirst
      ? [versionFirst[0], versionFirst[3], versionFirst[1], versionFirst[2]]
      : [];
  if (base === undefined || family === undefined || major === undefined) return undefined;
  const rest = text.slice(base.length);
  if (rest !== '' && !/^[-@]/.test(rest)) return undefined;
  return { family, major: Number(major), ...(minor !== undefined ? { minor: Number(minor) } : {}) };
}

function parseEntry(raw: string, warnings: string[]): Entry | undefined {
  const lowered = raw.trim().toLowerCase();
  const text = stripContextTag(lowered).trim();
  const tagNote =
    text !== lowered
      ? ' Context-size tags such as [1m] are ignored: it blocks every context size.'
      : '';
  if (text === '') {
    warnings.push('An empty deniedModels entry was ignored.');
    return undefined;
  }
  if (FAMILIES.includes(text)) {
    if (tagNote) warnings.push(`"${raw}" blocks every ${text} model.${tagNote}`);
    return { kind: 'family', family: text };
  }
  if (MOVING_ALIASES.includes(text)) {
    warnings.push(
      `"${raw}" was ignored: its model depends on the release and settings. Name the model, e.g. "claude-opus-5-5".`,
    );
    return undefined;
  }
  const id =
    parseModelId(text) ?? (text.startsWith('claude-') ? undefined : parseModelId(`claude-${text}`));
  if (id) {
    if (tagNote) warnings.push(`"${raw}" blocks ${describe(id)}.${tagNote}`);
    return { kind: 'model', id };
  }
  warnings.push(
    `"${raw}" blocks only the exact model name "${text}"; other spellings are not blocked.`,
  );
  return { kind: 'literal', value: text };
}

function describe(id: ModelId): string {
  return id.minor === undefined
    ? `every ${id.family} ${id.major}.x model`
    : `${id.family} ${id.major}.${id.minor} in every spelling`;
}

/** `family` as a whole word of `name` (e.g. `opus` in `my-opus-proxy`, not in `opusplan`). */
function hasWord(name: string, family: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${family}($|[^a-z0-9])`, 'i').test(name);
}

function blocks(entry: Entry, name: string, id: ModelId | undefined): boolean {
  switch (entry.kind) {
    case 'literal':
      return name === entry.value;
    case 'family':
      return id?.family === entry.family || hasWord(name, entry.family);
    case 'model':
      return (
        id !== undefined &&
        id.family === entry.id.family &&
        id.major === entry.id.major &&
        (entry.id.minor === undefined || (id.minor ?? 0) === entry.id.minor)
      );
  }
}

/**
 * Which of `models` a managed `deniedModels` list (`effective.deniedModels` of
 * `resolveSettings()`) blocks, without starting the CLI. Never throws: bad input gives
 * `false` and a warning. `true` means the CLI refuses the model too; `false` grants nothing — the
 * CLI also resolves aliases, custom names and `modelOverrides`, which this does not.
 */
export async function matchDeniedModels(
  models: readonly string[],
  deniedModels: readonly string[] | undefined,
): Promise<DeniedModelsMatch> {
  const warnings: string[] = [];
  const list: unknown[] = Array.isArray(models) ? models : [];
  if (!Array.isArray(models))
    warnings.push('"models" is not a list of model names; nothing was matched.');
  for (const model of list) {
    if (typeof model !== 'string')
      warnings.push(
        `"models" holds a ${model === null ? 'null' : typeof model}, not a model name.`,
      );
  }
  if (deniedModels !== undefined && !Array.isArray(deniedModels)) {
    warnings.push(
      '"deniedModels" is not a list of model names, so it blocks nothing until it is fixed.',
    );
    return { denied: list.map(() => false), warnings };
  }
  const entries: Entry[] = [];
  for (const raw of (deniedModels ?? []) as unknown[]) {
    if (typeof raw !== 'string') {
      warnings.push(
        `"deniedModels" holds a ${raw === null ? 'null' : typeof raw}; the entry was ignored.`,
      );
      continue;
    }
    const entry = parseEntry(raw, warnings);
    if (entry) entries.push(entry);
  }
  const denied = list.map((model) => {
    if (typeof model !== 'string') return false;
    const name = stripContextTag(model.trim()).toLowerCase();
    const id = parseModelId(name);
    return entries.some((entry) => blocks(entry, name, id));
  });
  return { denied, warnings: [...new Set(warnings)] };
}
