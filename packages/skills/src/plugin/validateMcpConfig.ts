import type { PluginDiagnostic } from '../diagnostics/PluginDiagnostic.js';
import { describeType } from '../internal/describeType.js';
import { isAbsoluteUrl } from '../internal/isAbsoluteUrl.js';
import { isRecord } from '../internal/isRecord.js';
import { pointer } from '../internal/jsonPointer.js';

export interface ValidateMcpConfigOptions {
  /**
   * `file`: an `.mcp.json` document (`{ "mcpServers": { … } }`, or the server map itself).
   * `servers`: the server map, as written inline in plugin.json.
   */
  form: 'file' | 'servers';
  /** Named in diagnostics. Default `.mcp.json`. */
  file?: string;
  /** Pointer of `value` in its document. Default `''`. */
  pointer?: string;
}

const REMOTE = new Set(['http', 'sse', 'ws']);

/** Check MCP server configs the way Claude Code loads them from a plugin. Pure. */
export function validateMcpConfig(
  value: unknown,
  options: ValidateMcpConfigOptions,
): PluginDiagnostic[] {
  const file = options.file ?? '.mcp.json';
  const base = options.pointer ?? '';
  const out: PluginDiagnostic[] = [];
  const add = (code: PluginDiagnostic['code'], at: string, message: string) =>
    out.push({ code, severity: 'error', file, pointer: at, message });

  let servers: unknown = value;
  let at = base;
  if (options.form === 'file') {
    if (!isRecord(value)) {
      add('TYPE', base, `An MCP config file must hold a JSON object, not ${describeType(value)}.`);
      return out;
    }
    if ('mcpServers' in value) {
      servers = value.mcpServers;
      at = pointer(base, 'mcpServers');
    }
  }
  if (Array.isArray(servers) && servers.length === 0) return out;
  if (!isRecord(servers)) {
    add('TYPE', at, `"mcpServers" must map server names to configs, not ${describeType(servers)}.`);
    return out;
  }
  const dropped = ' Claude Code drops this server.';
  for (const [name, server] of Object.entries(servers)) {
    const here = pointer(at, name);
    if (!isRecord(server)) {
      add(
        'MCP_SERVER_INVALID',
        here,
        `Server "${name}" must be an object, not ${describeType(server)}.${dropped}`,
      );
      continue;
    }
    const type = server.type;
    if (type === undefined || type === 'stdio') {
      if (typeof server.command !== 'string' || server.command === '')
        add(
          'MCP_SERVER_INVALID',
          pointer(here, 'command'),
          `Server "${name}" needs "command" (the program to start), a non-empty string.${dropped}`,
        );
      if (server.args !== undefined && !isStringList(server.args))
        add(
          'MCP_SERVER_INVALID',
          pointer(here, 'args'),
          `"args" of server "${name}" must be a list of strings.${dropped}`,
        );
      checkStringMap(server.env, pointer(here, 'env'), `"env" of server "${name}"`, add);
    } else if (typeof type === 'string' && REMOTE.has(type)) {
      const url = server.url;
      if (typeof url !== 'string')
        add(
          'MCP_SERVER_INVALID',
          pointer(here, 'url'),
          `A ${type} server needs "url" as a string; "${name}" has ${describeType(url)}.${dropped}`,
        );
      else if (!url.includes('${') && !isAbsoluteUrl(url))
        add(
          'MCP_SERVER_INVALID',
          pointer(here, 'url'),
          `"url" of server "${name}" is not an absolute URL (https://host/path): "${url}".`,
        );
      checkStringMap(
        server.headers,
        pointer(here, 'headers'),
        `"headers" of server "${name}"`,
        add,
      );
    } else {
      add(
        'MCP_SERVER_INVALID',
        pointer(here, 'type'),
        `Unknown server type ${JSON.stringify(type)} for "${name}": use "stdio" (or no type) with "command", or "http", "sse", "ws" with "url".${dropped}`,
      );
    }
  }
  return out;
}

function checkStringMap(
  value: unknown,
  at: string,
  what: string,
  add: (code: PluginDiagnostic['code'], at: string, message: string) => void,
): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    add('MCP_SERVER_INVALID', at, `${what} must map names to strings, not ${describeType(value)}.`);
    return;
  }
  for (const [key, v] of Object.entries(value))
    if (typeof v !== 'string')
      add(
        'MCP_SERVER_INVALID',
        pointer(at, key),
        `${what}: "${key}" must be a string, not ${describeType(v)}.`,
      );
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
