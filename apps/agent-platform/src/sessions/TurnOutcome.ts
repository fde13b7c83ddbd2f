/** The answer to one chat turn. */
export interface TurnOutcome {
  sessionId: string;
  /** The final text, or the error text when `isError`. */
  result: string;
  isError: boolean;
  subtype: string;
  /** HTTP status of a failed API call, when that was the failure. */
  apiErrorStatus: number | null;
  /** Attempts used (retries on transient API errors included). */
  attempts: number;
  /** Spend of this turn (deltas of the CLI's cumulative cost). */
  costUsd: number;
  /** Id of the last stream event of the turn. */
  lastEventId: number;
  /** The turn was cut short (shutdown or runaway) and the session paused or left active. */
  interrupted: boolean;
}
