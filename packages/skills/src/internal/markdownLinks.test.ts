import { describe, expect, it } from 'vitest';
import { isRelativeTarget, markdownLinks } from './markdownLinks.js';

describe('markdownLinks', () => {
  it('finds inline links, images and reference definitions with their offsets', () => {
    const text = 'A [b](b.md "title") and ![c](<img dir/c.png>)\n\n[ref]: docs/ref.md#part\n';
    const links = markdownLinks(text);
    expect(links.map((l) => l.target)).toEqual(['b.md', 'img dir/c.png', 'docs/ref.md']);
    expect(text.slice(links[0]!.start, links[0]!.end)).toBe('b.md');
    expect(text.slice(links[1]!.start, links[1]!.end)).toBe('img dir/c.png');
  });

  it('ignores code', () => {
    expect(
      markdownLinks('```\n[a](a.md)\n```\n~~~~\n[b](b.md)\n~~~~\n`[c](c.md)` [d](d.md)'),
    ).toMatchObject([{ target: 'd.md' }]);
  });

  it('decodes percent escapes', () => {
    expect(markdownLinks('[a](my%20file.md)')[0]?.target).toBe('my file.md');
  });

  it.each([
    ['references/a.md', true],
    ['./a.md', true],
    ['https://x.example', false],
    ['mailto:a@b.c', false],
    ['#anchor', false],
    ['/abs/path', false],
    ['${CLAUDE_SKILL_DIR}/x', false],
    ['', false],
  ])('%s is relative: %s', (target, expected) => {
    expect(isRelativeTarget(target)).toBe(expected);
  });
});
