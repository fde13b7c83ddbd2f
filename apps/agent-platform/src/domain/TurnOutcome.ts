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
  /** Spend of this turn, as the model proxy counted it over all attempts. */
  costUsd: number;
  /** The proxy ended the turn because the next model request would cross a budget. */
  budgetExceeded: boolean;
  /** Id of the last stream event of the turn. */
  lastEventId: number;
  /** The turn was cut short (shutdown or runaway) and the session paused or left active. */
  interrupted: boolean;
}
