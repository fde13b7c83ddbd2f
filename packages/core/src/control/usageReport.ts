import type { ModelUsage } from '../messages/usage.js';
import type { OpenString } from '../messages/openString.js';

// The answer to `get_usage` (`usage()`) and the structured twin of a `/usage` report. Named and
// shaped as the official SDK 0.3.336 declares them (experimental there too); checked against
// CLI 2.1.331. Objects stay open: a newer CLI's fields still reach the caller.

/** Cost and usage the current session has accumulated. */
export interface SDKSessionUsageTotals {
  total_cost_usd: number;
  total_api_duration_ms: number;
  total_duration_ms: number;
  total_lines_added: number;
  total_lines_removed: number;
  /** Model name → its usage. */
  model_usage: Record<string, ModelUsage>;
  [key: string]: unknown;
}

/** One plan rate-limit window. */
export interface SDKRateLimitWindow {
  /** Share of the window used, 0–100. */
  utilization: number | null;
  /** ISO 8601 time the window resets. */
  resets_at: string | null;
}

/** Extra-usage (overage) spend of the billing period; amounts in minor units of `currency`. */
export interface SDKExtraUsage {
  is_enabled: boolean;
  monthly_limit: number | null;
  used_credits: number | null;
  utilization: number | null;
  currency?: string | null;
}

/** What drives usage in one window, from a scan of this machine's transcripts. */
export interface SDKUsageBehaviorsWindow {
  request_count: number;
  session_count: number;
  behaviors: Array<{
    key: OpenString<
      | 'cache_miss'
      | 'long_context'
      | 'subagent_heavy'
      | 'high_parallel'
      | 'cron'
      | 'max_effort'
      | 'workflow'
      | 'always_on_context'
      | 'large_tool_results'
    >;
    pct: number;
    count: number;
  }>;
  recommendations?: Array<{ key: string; pct: number; title: string; detail?: string }>;
  fix?: { keys: string[]; messages: string[] };
  agents: Array<{ name: string; pct: number }>;
  skills: Array<{ name: string; pct: number }>;
  plugins: Array<{ name: string; pct: number }>;
  mcp_servers: Array<{ name: string; pct: number }>;
  [key: string]: unknown;
}

/** The data behind `/usage`, as `usage()` answers it. */
export interface SDKControlGetUsageResponse {
  session: SDKSessionUsageTotals;
  /** `pro`, `max`, `team`, `enterprise`; `null` for API-key and third-party-provider sessions. */
  subscription_type: string | null;
  /** False when plan limits do not apply (API key, Bedrock, Vertex…): `rate_limits` is `null`. */
  rate_limits_available: boolean;
  rate_limits: {
    five_hour?: SDKRateLimitWindow | null;
    seven_day?: SDKRateLimitWindow | null;
    seven_day_oauth_apps?: SDKRateLimitWindow | null;
    seven_day_opus?: SDKRateLimitWindow | null;
    seven_day_sonnet?: SDKRateLimitWindow | null;
    /** Per-model weekly windows (`display_name` is the server's label). */
    model_scoped?: Array<SDKRateLimitWindow & { display_name: string }>;
    extra_usage?: SDKExtraUsage | null;
    [key: string]: unknown;
  } | null;
  /** `null` for non-subscriber sessions, with `skipBehaviors`, or when the scan fails. */
  behaviors: {
    day: SDKUsageBehaviorsWindow;
    week: SDKUsageBehaviorsWindow;
    [key: string]: unknown;
  } | null;
  [key: string]: unknown;
}

/**
 * Structured twin of a `/usage` report, on the assistant message that carries its text
 * (`usage_report`): the session totals and the plan's rows as the server sent them.
 */
export interface SDKUsageReport {
  session: SDKSessionUsageTotals;
  /** `null` when the CLI could not fetch the plan's usage. */
  rate_limits: {
    /** The server's meters, in its order; `null` when it sent none or the fetch failed. */
    limits: Array<{
      kind: string;
      group: string;
      percent: number;
      resets_at: string | null;
      scope?: {
        model?: { display_name: string } | null;
        surface?: { display_name: string } | null;
      } | null;
      severity: string;
      is_active: boolean;
      [key: string]: unknown;
    }> | null;
    extra_usage?: SDKExtraUsage | null;
    [key: string]: unknown;
  } | null;
  [key: string]: unknown;
}
