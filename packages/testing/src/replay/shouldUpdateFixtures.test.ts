import { expect, it } from 'vitest';
import { shouldUpdateFixtures } from './shouldUpdateFixtures.js';

it('updates only when asked, and never in CI', () => {
  expect(shouldUpdateFixtures({})).toBe(false);
  expect(shouldUpdateFixtures({ AGENTSDK_UPDATE_FIXTURES: '1' })).toBe(true);
  expect(shouldUpdateFixtures({ AGENTSDK_UPDATE_FIXTURES: 'true', CI: '' })).toBe(true);
  expect(shouldUpdateFixtures({ AGENTSDK_UPDATE_FIXTURES: '1', CI: 'true' })).toBe(false);
  expect(shouldUpdateFixtures({ AGENTSDK_UPDATE_FIXTURES: '1', CI: '1' })).toBe(false);
  expect(shouldUpdateFixtures({ AGENTSDK_UPDATE_FIXTURES: '0' })).toBe(false);
});
