import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';

/** RFC 6570 operators and how each expands (level 4, no prefix modifiers when matching). */
const OPERATORS: Record<string, { first: string; sep: string; named: boolean; reserved: boolean }> =
  {
    '': { first: '', sep: ',', named: false, reserved: false },
    '+': { first: '', sep: ',', named: false, reserved: true },
    '#': { first: '#', sep: ',', named: false, reserved: true },
    '.': { first: '.', sep: '.', named: false, reserved: false },
    '/': { first: '/', sep: '/', named: false, reserved: false },
    ';': { first: ';', sep: ';', named: true, reserved: false },
    '?': { first: '?', sep: '&', named: true, reserved: false },
    '&': { first: '&', sep: '&', named: true, reserved: false },
  };

const VARNAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*$/;

interface VarSpec {
  name: string;
  explode: boolean;
  prefix: number | undefined;
}

type Part = string | { operator: string; vars: VarSpec[] };

/** Strip an RFC 6570 operator and modifiers: `{+path}` → `path`, `{/seg*}` → `seg`. */
type VarNamesOf<Expr extends string> = Expr extends `${infer A},${infer B}`
  ? VarNamesOf<A> | VarNamesOf<B>
  : Expr extends `${'+' | '#' | '.' | '/' | ';' | '?' | '&'}${infer Rest}`
    ? VarNamesOf<Rest>
    : Expr extends `${infer Name}*`
      ? Name
      : Expr extends `${infer Name}:${string}`
        ? Name
        : Expr;

type ExplodedOf<Expr extends string> = Expr extends `${infer A},${infer B}`
  ? ExplodedOf<A> | ExplodedOf<B>
  : Expr extends `${'+' | '#' | '.' | '/' | ';' | '?' | '&'}${infer Rest}`
    ? ExplodedOf<Rest>
    : Expr extends `${infer Name}*`
      ? Name
      : never;

type ExpressionsOf<T extends string> = T extends `${string}{${infer Expr}}${infer Rest}`
  ? Expr | ExpressionsOf<Rest>
  : never;

/** The variable names of a URI template: `'file:///{dir}/{name}'` → `'dir' | 'name'`. */
export type UriTemplateVariableName<T extends string> = VarNamesOf<ExpressionsOf<T>>;

/**
 * The variables a URI template match yields, typed from the template literal: each is a string,
 * exploded ones (`{/path*}`) are string arrays. A template typed as plain `string` gives a record.
 */
export type UriTemplateVariables<T extends string> = string extends T
  ? Record<string, string | string[]>
  : {
      [K in UriTemplateVariableName<T>]: K extends ExplodedOf<ExpressionsOf<T>> ? string[] : string;
    };

/**
 * A parsed RFC 6570 URI template: checked when built (a bad template throws
 * `ToolDefinitionError('INVALID_URI_TEMPLATE')`), matched against URIs to recover its variables.
 */
export class UriTemplate {
  readonly template: string;
  readonly variableNames: readonly string[];
  readonly #parts: readonly Part[];
  readonly #regex: RegExp;
  readonly #groups: readonly { spec: VarSpec; operator: string }[];

  constructor(template: string, where: string) {
    this.template = template;
    this.#parts = parse(template, where);
    const names: string[] = [];
    const groups: { spec: VarSpec; operator: string }[] = [];
    let source = '^';
    for (const part of this.#parts) {
      if (typeof part === 'string') {
        source += escapeRegExp(part);
        continue;
      }
      const op = OPERATORS[part.operator]!;
      // Each variable is optional as a whole, as RFC 6570 drops undefined ones.
      part.vars.forEach((spec, index) => {
        if (names.includes(spec.name)) {
          throw new ToolDefinitionError(
            'INVALID_URI_TEMPLATE',
            `The URI template of ${where} uses the variable "${spec.name}" twice: ${JSON.stringify(template)}.`,
          );
        }
        names.push(spec.name);
        groups.push({ spec, operator: part.operator });
        const lead = escapeRegExp(index === 0 ? op.first : op.sep);
        const valueChars = op.reserved ? '[^]*?' : spec.explode ? `[^?#]*?` : '[^/?#&,;=]*';
        const named = op.named ? `${escapeRegExp(spec.name)}=?` : '';
        source +=
          index === 0 && op.first === ''
            ? `(${named}${valueChars})`
            : `(?:${lead}${named}(${valueChars}))?`;
      });
    }
    this.#regex = new RegExp(`${source}$`);
    this.#groups = groups;
    this.variableNames = Object.freeze(names);
  }

  /** The variables of `uri` when it matches the template, else `undefined`. */
  match(uri: string): Record<string, string | string[]> | undefined {
    const found = this.#regex.exec(uri);
    if (!found) return undefined;
    const variables: Record<string, string | string[]> = {};
    for (let i = 0; i < this.#groups.length; i++) {
      const raw = found[i + 1];
      const { spec, operator } = this.#groups[i]!;
      if (raw === undefined) continue;
      const op = OPERATORS[operator]!;
      const value = op.named ? raw.replace(new RegExp(`^${escapeRegExp(spec.name)}=?`), '') : raw;
      try {
        variables[spec.name] = spec.explode
          ? value.split(op.sep === ',' ? ',' : op.sep).map(decode(op.reserved))
          : decode(op.reserved)(value);
      } catch {
        return undefined;
      }
    }
    return variables;
  }

  /** Expand the template with values (for building URIs in `list()` and tests). */
  expand(variables: Readonly<Record<string, string | readonly string[] | undefined>>): string {
    let out = '';
    for (const part of this.#parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const op = OPERATORS[part.operator]!;
      const pieces: string[] = [];
      for (const spec of part.vars) {
        const value = variables[spec.name];
        if (value === undefined) continue;
        const encode = (s: string) => (op.reserved ? encodeURI(s) : encodeURIComponent(s));
        const values = typeof value === 'string' ? [value] : [...value];
        const text = values
          .map((v) => encode(spec.prefix !== undefined ? v.slice(0, spec.prefix) : v))
          .join(spec.explode ? op.sep : ',');
        pieces.push(
          op.named ? `${spec.name}${text === '' && op.first === ';' ? '' : '='}${text}` : text,
        );
      }
      if (pieces.length > 0) out += op.first + pieces.join(op.sep);
    }
    return out;
  }
}

function decode(reserved: boolean): (value: string) => string {
  return reserved ? decodeURI : decodeURIComponent;
}

function parse(template: string, where: string): Part[] {
  const fail = (why: string): never => {
    throw new ToolDefinitionError(
      'INVALID_URI_TEMPLATE',
      `The URI template of ${where} is not a valid RFC 6570 template (${why}): ${JSON.stringify(template)}.`,
    );
  };
  if (typeof template !== 'string' || template.length === 0) fail('it must be a non-empty string');
  const parts: Part[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = template.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open)) fail(`"}" at ${close} closes nothing`);
    if (open === -1) {
      parts.push(template.slice(i));
      break;
    }
    if (open > i) parts.push(template.slice(i, open));
    const end = template.indexOf('}', open);
    if (end === -1) fail(`"{" at ${open} is never closed`);
    let body = template.slice(open + 1, end);
    if (body.includes('{')) fail(`"{" at ${open} is never closed`);
    let operator = '';
    if (body.length > 0 && '+#./;?&'.includes(body[0]!)) {
      operator = body[0]!;
      body = body.slice(1);
    } else if (body.length > 0 && '=,!@|'.includes(body[0]!)) {
      fail(`operator "${body[0]}" is reserved for future use`);
    }
    if (body.length === 0) fail(`empty expression at ${open}`);
    const vars = body.split(',').map((raw): VarSpec => {
      let name = raw;
      let explode = false;
      let prefix: number | undefined;
      if (name.endsWith('*')) {
        explode = true;
        name = name.slice(0, -1);
      } else {
        const colon = name.indexOf(':');
        if (colon !== -1) {
          const digits = name.slice(colon + 1);
          if (!/^[1-9][0-9]{0,3}$/.test(digits)) fail(`bad prefix length in "{${body}}"`);
          prefix = Number(digits);
          name = name.slice(0, colon);
        }
      }
      if (!VARNAME.test(name)) fail(`bad variable name ${JSON.stringify(name)}`);
      return { name, explode, prefix };
    });
    parts.push({ operator, vars });
    i = end + 1;
  }
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
