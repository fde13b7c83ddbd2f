import type { TierName } from './tiers.js';

/** Who is calling, from a verified token. */
export interface Principal {
  userId: string;
  tenantId: string;
  tier: TierName;
  /** `admin` may read the usage of every user of its tenant. */
  role: 'user' | 'admin';
}

/** Ids become directory names: letters, digits, `_` and `-` only. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
