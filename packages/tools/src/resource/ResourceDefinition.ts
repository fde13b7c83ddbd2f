import type {
  Annotations,
  Icon,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
} from '@modelcontextprotocol/sdk/spec.types.js';
import type { HandlerCallOptions } from '../context/createHandlerContext.js';
import type { HandlerContext } from '../context/HandlerContext.js';
import type { Completer } from '../completion/Completer.js';
import type { UriTemplateVariableName, UriTemplateVariables } from '../uriTemplate/UriTemplate.js';

export type { Annotations, Icon, ReadResourceResult, Resource, ResourceTemplate };

/** Descriptive fields of a resource or template, as clients list them. */
export interface ResourceMetadata {
  title?: string;
  description?: string;
  /** Default MIME type of what the handler returns (strings default to `text/plain`, bytes to `application/octet-stream`). */
  mimeType?: string;
  /** Size in bytes, when known (static resources). */
  size?: number;
  annotations?: Annotations;
  icons?: Icon[];
  _meta?: { [key: string]: unknown };
}

/** One piece of resource content; `uri` defaults to the URI read, `mimeType` to the resource's. */
export type ResourceContentsInput =
  | { uri?: string; mimeType?: string; text: string; _meta?: { [key: string]: unknown } }
  | {
      uri?: string;
      mimeType?: string;
      /** Bytes, or a base64 string. */
      blob: Uint8Array | string;
      _meta?: { [key: string]: unknown };
    };

/**
 * What a resource handler returns: a string (text), bytes (`Uint8Array`/`Buffer`, sent as a base64
 * blob), one contents object, an array of them, or a full `{ contents }` result.
 */
export type ResourceHandlerReturn =
  | string
  | Uint8Array
  | ResourceContentsInput
  | readonly ResourceContentsInput[]
  | { contents: readonly ResourceContentsInput[]; _meta?: { [key: string]: unknown } };

/** What a resource handler gets besides the URI. */
export interface ResourceContext extends HandlerContext {
  /** The URI the client asked for, exactly as sent. */
  readonly uri: string;
}

export type ResourceHandler = (
  uri: URL,
  context: ResourceContext,
) => ResourceHandlerReturn | Promise<ResourceHandlerReturn>;

export type ResourceTemplateHandler<Template extends string> = (
  uri: URL,
  variables: UriTemplateVariables<Template>,
  context: ResourceContext,
) => ResourceHandlerReturn | Promise<ResourceHandlerReturn>;

/** A concrete resource a template lists: `uri` must match the template. */
export interface ListedResource extends Omit<ResourceMetadata, 'size'> {
  uri: string;
  name: string;
  size?: number;
}

/** Options of `resourceTemplate()`: metadata, the resources it lists, completion per variable. */
export interface ResourceTemplateExtras<Template extends string> extends ResourceMetadata {
  /** The concrete resources this template offers, merged into `resources/list`. */
  list?: (
    context: HandlerContext,
  ) => readonly ListedResource[] | Promise<readonly ListedResource[]>;
  /** Value suggestions per variable (`completion/complete` with a `ref/resource` reference). */
  complete?: { [Name in UriTemplateVariableName<Template>]?: Completer };
}

/** A static resource made by `resource()`. */
export interface ResourceDefinition {
  readonly kind: 'resource';
  readonly name: string;
  readonly uri: string;
  /** The `resources/list` entry. */
  readonly listEntry: Resource;
  /** Read it as a server would. Throws `McpRequestError` (a JSON-RPC error when served). */
  read(options?: HandlerCallOptions): Promise<ReadResourceResult>;
}

/** A resource template made by `resourceTemplate()`. */
export interface ResourceTemplateDefinition<Template extends string = string> {
  readonly kind: 'template';
  readonly name: string;
  readonly uriTemplate: Template;
  /** The `resources/templates/list` entry. */
  readonly listEntry: ResourceTemplate;
  readonly variableNames: readonly string[];
  /** The variables of `uri`, or `undefined` when it does not match. */
  match(uri: string): UriTemplateVariables<Template> | undefined;
  /** Build a URI from variables. */
  expand(variables: Partial<UriTemplateVariables<Template>>): string;
  /** Read `uri` as a server would. Throws `McpRequestError` when it does not match or the handler fails. */
  read(uri: string, options?: HandlerCallOptions): Promise<ReadResourceResult>;
  /** The resources `list` returns (empty without `list`). */
  list(options?: HandlerCallOptions): Promise<Resource[]>;
  readonly completers: Readonly<Record<string, Completer>>;
}

export type AnyResourceDefinition = ResourceDefinition | ResourceTemplateDefinition<string>;
