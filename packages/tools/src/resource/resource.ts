import type { Completer } from '../completion/Completer.js';
import { createHandlerContext, type HandlerCallOptions } from '../context/createHandlerContext.js';
import { McpRequestError } from '../errors/McpRequestError.js';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import { messageOf } from '../messageOf.js';
import { UriTemplate, type UriTemplateVariables } from '../uriTemplate/UriTemplate.js';
import { normalizeContents } from './normalizeContents.js';
import type {
  ReadResourceResult,
  Resource,
  ResourceContext,
  ResourceDefinition,
  ResourceHandler,
  ResourceHandlerReturn,
  ResourceMetadata,
  ResourceTemplateDefinition,
  ResourceTemplateExtras,
  ResourceTemplateHandler,
} from './ResourceDefinition.js';

export const RESOURCE_MARKER = Symbol.for('agentsdk.tools.resource');

/**
 * Define a static resource at a fixed URI. The handler returns a string (text), bytes (a base64
 * blob), or full contents. Mistakes (no URI, a URI that is a template) throw `ToolDefinitionError`.
 *
 * ```ts
 * const readme = resource('readme', 'docs://readme', () => '# Hello', { mimeType: 'text/markdown' });
 * ```
 */
export function resource(
  name: string,
  uri: string,
  handler: ResourceHandler,
  extras: ResourceMetadata = {},
): ResourceDefinition {
  const who = `Resource "${name}"`;
  checkCommon(who, name, handler, extras);
  if (typeof uri !== 'string' || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `${who}: the URI must be an absolute URI with a scheme (e.g. "docs://readme"); got ${JSON.stringify(uri)}.`,
    );
  }
  if (/[{}]/.test(uri)) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `${who}: ${JSON.stringify(uri)} looks like a URI template. Use resourceTemplate() for URIs with {variables}.`,
    );
  }
  const listEntry: Resource = { uri, name, ...metadataOf(extras) };
  const definition: ResourceDefinition = {
    kind: 'resource',
    name,
    uri,
    listEntry,
    read: (options = {}) =>
      runRead(who, uri, extras.mimeType, options, (url, context) => handler(url, context)),
  };
  Object.defineProperty(definition, RESOURCE_MARKER, { value: true });
  return Object.freeze(definition);
}

/**
 * Define a family of resources by an RFC 6570 URI template. The handler's `variables` are typed
 * from the template (`'db://{table}/{id}'` → `{ table: string; id: string }`). `list` offers
 * concrete resources in `resources/list`; `complete` suggests values per variable.
 *
 * ```ts
 * const rows = resourceTemplate('row', 'db://{table}/{id}', (uri, { table, id }) => lookup(table, id));
 * ```
 */
export function resourceTemplate<const Template extends string>(
  name: string,
  uriTemplate: Template,
  handler: ResourceTemplateHandler<Template>,
  extras: ResourceTemplateExtras<Template> = {},
): ResourceTemplateDefinition<Template> {
  const who = `Resource template "${name}"`;
  checkCommon(who, name, handler, extras);
  const template = new UriTemplate(uriTemplate, `resource template "${name}"`);
  if (extras.list !== undefined && typeof extras.list !== 'function') {
    throw new ToolDefinitionError('INVALID_TOOL_DEFINITION', `${who}: list must be a function.`);
  }
  const completers: Record<string, Completer> = {};
  for (const [variable, completer] of Object.entries(
    (extras.complete ?? {}) as Record<string, unknown>,
  )) {
    if (!template.variableNames.includes(variable)) {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `${who}: complete.${variable} names no variable of ${JSON.stringify(uriTemplate)} ` +
          `(it has ${template.variableNames.join(', ') || 'none'}).`,
      );
    }
    if (typeof completer !== 'function') {
      throw new ToolDefinitionError(
        'INVALID_TOOL_DEFINITION',
        `${who}: complete.${variable} must be a function (value, context) => string[].`,
      );
    }
    completers[variable] = completer as Completer;
  }
  const { list: _list, complete: _complete, size: _size, ...metadata } = extras;
  const definition: ResourceTemplateDefinition<Template> = {
    kind: 'template',
    name,
    uriTemplate,
    listEntry: { uriTemplate, name, ...metadataOf(metadata) },
    variableNames: template.variableNames,
    completers: Object.freeze(completers),
    match: (uri) => template.match(uri) as UriTemplateVariables<Template> | undefined,
    expand: (variables) => template.expand(variables as Record<string, string | string[]>),
    read: (uri, options = {}) => {
      const variables = template.match(uri);
      if (!variables) {
        return Promise.reject(
          new McpRequestError(
            'RESOURCE_NOT_FOUND',
            `${JSON.stringify(uri)} does not match the template ${JSON.stringify(uriTemplate)} of resource template "${name}".`,
          ),
        );
      }
      return runRead(who, uri, extras.mimeType, options, (url, context) =>
        handler(url, variables as UriTemplateVariables<Template>, context),
      );
    },
    list: async (options = {}) => {
      if (!extras.list) return [];
      const listed = await extras.list(createHandlerContext(who, options));
      return listed.map((entry) => ({
        ...metadataOf(metadata),
        ...entry,
      }));
    },
  };
  Object.defineProperty(definition, RESOURCE_MARKER, { value: true });
  return Object.freeze(definition);
}

/** True for values made by `resource()` or `resourceTemplate()`. */
export function isResourceDefinition(
  value: unknown,
): value is ResourceDefinition | ResourceTemplateDefinition<string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[RESOURCE_MARKER] === true
  );
}

async function runRead(
  who: string,
  uri: string,
  mimeType: string | undefined,
  options: HandlerCallOptions,
  run: (
    url: URL,
    context: ResourceContext,
  ) => ResourceHandlerReturn | Promise<ResourceHandlerReturn>,
): Promise<ReadResourceResult> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new McpRequestError('RESOURCE_NOT_FOUND', `${JSON.stringify(uri)} is not a valid URI.`);
  }
  const context: ResourceContext = Object.assign(createHandlerContext(who, options), { uri });
  let value: ResourceHandlerReturn;
  try {
    value = await run(url, context);
  } catch (error) {
    if (McpRequestError.is(error)) throw error;
    throw new McpRequestError(
      'HANDLER_FAILED',
      `${who} failed to read ${uri}: ${messageOf(error)}`,
      { cause: error },
    );
  }
  return normalizeContents(value, uri, mimeType, who);
}

function checkCommon(who: string, name: string, handler: unknown, extras: unknown): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `A resource needs a non-empty name; got ${JSON.stringify(name)}.`,
    );
  }
  if (typeof handler !== 'function') {
    throw new ToolDefinitionError(
      'INVALID_TOOL_DEFINITION',
      `${who}: the handler (3rd argument) must be a function.`,
    );
  }
  if (typeof extras !== 'object' || extras === null) {
    throw new ToolDefinitionError('INVALID_TOOL_DEFINITION', `${who}: extras must be an object.`);
  }
}

function metadataOf(extras: ResourceMetadata): Omit<Resource, 'uri' | 'name'> {
  const { title, description, mimeType, size, annotations, icons, _meta } = extras;
  return {
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
    ...(mimeType !== undefined && { mimeType }),
    ...(size !== undefined && { size }),
    ...(annotations !== undefined && { annotations }),
    ...(icons !== undefined && { icons }),
    ...(_meta !== undefined && { _meta }),
  };
}
