import type { ElicitationWireRequest, UserDialogWireRequest } from '../messages/control.js';
import type { InboundHandler } from './ControlRouter.js';

/** An MCP server asks the user for input (`elicitation`), camelCased from the wire. */
export interface ElicitationRequest {
  serverName: string;
  message: string;
  /** `form`: fill in `requestedSchema`; `url`: open `url` (e.g. an OAuth page). */
  mode?: 'form' | 'url';
  url?: string;
  elicitationId?: string;
  /** JSON Schema of the form (form mode). */
  requestedSchema?: Record<string, unknown>;
  /** `requestedSchema.properties` keys in the order the server listed them. */
  propertyOrder?: string[];
  title?: string;
  displayName?: string;
  description?: string;
}

/** The user's answer, passed back to the MCP server as its `elicitation/create` result. */
export interface ElicitationResult {
  action: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

export interface DialogContext {
  /** Aborted when the CLI withdraws the request or the session ends. */
  signal: AbortSignal;
  requestId: string | undefined;
}

export type OnElicitation = (
  request: ElicitationRequest,
  context: DialogContext,
) => Promise<ElicitationResult> | ElicitationResult;

/** A tool asks the host to render a blocking dialog (`request_user_dialog`). */
export interface UserDialogRequest {
  /** Open set: answer kinds you do not know with `{ behavior: 'cancelled' }`. */
  dialogKind: string;
  payload: Record<string, unknown>;
  toolUseId?: string;
}

export type UserDialogResult =
  { behavior: 'completed'; result: unknown } | { behavior: 'cancelled' };

export type OnUserDialog = (
  request: UserDialogRequest,
  context: DialogContext,
) => Promise<UserDialogResult> | UserDialogResult;

/** Answers `elicitation`; without a callback, `decline` (the server stops waiting at once). */
export function elicitationHandler(
  onElicitation: OnElicitation | undefined,
): InboundHandler<'elicitation'> {
  return async (request: ElicitationWireRequest, context) => {
    if (!onElicitation) return { action: 'decline' };
    const result = await onElicitation(
      {
        serverName: request.mcp_server_name,
        message: request.message,
        ...(request.mode !== undefined ? { mode: request.mode } : {}),
        ...(request.url !== undefined ? { url: request.url } : {}),
        ...(request.elicitation_id !== undefined ? { elicitationId: request.elicitation_id } : {}),
        ...(request.requested_schema !== undefined
          ? { requestedSchema: request.requested_schema }
          : {}),
        ...(request.property_order !== undefined ? { propertyOrder: request.property_order } : {}),
        ...(request.title !== undefined ? { title: request.title } : {}),
        ...(request.display_name !== undefined ? { displayName: request.display_name } : {}),
        ...(request.description !== undefined ? { description: request.description } : {}),
      },
      context,
    );
    if (!['accept', 'decline', 'cancel'].includes(result.action)) {
      throw new TypeError(
        `onElicitation returned action ${JSON.stringify(result.action)}; expected "accept", "decline" or "cancel".`,
      );
    }
    return { ...result };
  };
}

export function userDialogHandler(
  onUserDialog: OnUserDialog,
): InboundHandler<'request_user_dialog'> {
  return async (request: UserDialogWireRequest, context) => {
    const result = await onUserDialog(
      {
        dialogKind: request.dialog_kind,
        payload: request.payload,
        ...(request.tool_use_id !== undefined ? { toolUseId: request.tool_use_id } : {}),
      },
      context,
    );
    return { ...result };
  };
}
