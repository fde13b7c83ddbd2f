import { describe, expect, it } from 'vitest';
import { compareWrite } from './compareWrite.js';
import { formatDifferences } from './describeWrite.js';
import { formatPath, ignoreKeys, ignorePaths, parsePath } from './matchers.js';

describe('compareWrite', () => {
  it("normalises the SDK's request ids, session ids, uuids and timestamps", () => {
    expect(
      compareWrite(
        { type: 'control_request', request_id: 'req_a_1', request: { subtype: 'interrupt' } },
        { type: 'control_request', request_id: 'req_b_7', request: { subtype: 'interrupt' } },
      ),
    ).toEqual([]);
    expect(
      compareWrite(
        {
          type: 'user',
          session_id: 'one',
          uuid: 'u1',
          at: '2026-01-01T00:00:00.000Z',
          ref: '7549d9a6-2309-4444-ae16-1d5e6538a1ad',
        },
        {
          type: 'user',
          session_id: 'two',
          uuid: 'u2',
          at: '2027-02-02T10:00:00Z',
          ref: '00000000-0000-4000-8000-000000000000',
        },
      ),
    ).toEqual([]);
  });

  it("keeps the CLI's request ids in answers exact", () => {
    const diff = compareWrite(
      { type: 'control_response', response: { request_id: 'abc' } },
      { type: 'control_response', response: { request_id: 'abd' } },
    );
    expect(diff).toEqual([
      { kind: 'changed', path: ['response', 'request_id'], expected: 'abc', actual: 'abd' },
    ]);
  });

  it('treats <redacted:…> placeholders as wildcards', () => {
    expect(
      compareWrite({ p: '<redacted:home>/project/a.txt' }, { p: '/Users/me/project/a.txt' }),
    ).toEqual([]);
    expect(
      compareWrite({ p: '<redacted:home>/project/a.txt' }, { p: '/Users/me/other/a.txt' }),
    ).toHaveLength(1);
  });

  it('reports changed, missing and extra values with their paths', () => {
    const diff = compareWrite(
      { a: { b: [1, 2, 3] }, c: 'x', gone: true },
      { a: { b: [1, 5] }, c: 'x', added: null },
    );
    expect(formatDifferences(diff)).toBe(
      [
        '  a.b[1]\n    expected: 2\n    actual:   5',
        '  a.b[2]\n    expected: 3\n    actual:   (missing)',
        '  gone\n    expected: true\n    actual:   (missing)',
        '  added\n    expected: (missing)\n    actual:   null',
      ].join('\n'),
    );
  });

  it('asks user matchers first', () => {
    expect(compareWrite({ a: 1, t: { n: 5 } }, { a: 1, t: { n: 6 } }, [ignoreKeys('t')])).toEqual(
      [],
    );
    expect(
      compareWrite({ a: [{ x: 1 }, { x: 2 }] }, { a: [{ x: 9 }, { x: 8 }] }, [
        ignorePaths('a[*].x'),
      ]),
    ).toEqual([]);
    expect(
      compareWrite({ d: { e: { f: 1 } } }, { d: { e: { f: 2 } } }, [ignorePaths('**.f')]),
    ).toEqual([]);
    const strictlyPositive = (e: unknown, a: unknown): boolean | undefined =>
      typeof e === 'number' && typeof a === 'number' ? a > 0 : undefined;
    expect(compareWrite({ n: 1 }, { n: 42 }, [strictlyPositive])).toEqual([]);
    expect(compareWrite({ n: 1 }, { n: -1 }, [strictlyPositive])).toHaveLength(1);
  });
});

describe('paths', () => {
  it('parse and format', () => {
    expect(parsePath('message.content[0].text')).toEqual(['message', 'content', '0', 'text']);
    expect(formatPath(['message', 'content', 0, 'text'])).toBe('message.content[0].text');
    expect(formatPath([])).toBe('(the whole message)');
  });
});

describe('compareWrite and fields core added to initialize later', () => {
  const recorded = {
    type: 'control_request',
    request_id: 'req_1',
    request: { subtype: 'initialize', hooks: null },
  };

  it('accepts sdkMcpServerManifests that a fixture recorded before it existed lacks', () => {
    const actual = { ...recorded, request: { ...recorded.request, sdkMcpServerManifests: {} } };
    expect(compareWrite(recorded, actual)).toEqual([]);
  });

  it('still reports any other extra field, and manifests outside initialize', () => {
    const extra = { ...recorded, request: { ...recorded.request, somethingNew: 1 } };
    expect(compareWrite(recorded, extra)).toHaveLength(1);
    const other = { type: 'control_request', request: { subtype: 'interrupt' } };
    const withManifests = { ...other, request: { ...other.request, sdkMcpServerManifests: {} } };
    expect(compareWrite(other, withManifests)).toHaveLength(1);
  });
});
