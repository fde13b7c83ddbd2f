/** What activates a context skill: words or phrases (any of them), a pattern, or nothing (always). */
export type SkillTrigger = string | readonly string[] | RegExp;

const WORD = /[\p{L}\p{N}_]/u;

/**
 * True when `message` mentions `trigger`, ignoring case. A word trigger matches whole words only
 * ("py" does not match "happy"); a trigger with a non-word edge (".py", "c++") matches at that edge
 * freely ("main.py"). A RegExp is tested as is.
 */
export function matchesTrigger(message: string, trigger: SkillTrigger | undefined): boolean {
  if (trigger === undefined) return true;
  if (trigger instanceof RegExp) {
    trigger.lastIndex = 0;
    return trigger.test(message);
  }
  const words: readonly string[] = typeof trigger === 'string' ? [trigger] : trigger;
  const text = message.toLowerCase();
  return words.some((word) => containsWord(text, word.toLowerCase()));
}

function containsWord(text: string, word: string): boolean {
  if (word === '') return false;
  const checkStart = WORD.test(word[0] ?? '');
  const checkEnd = WORD.test(word[word.length - 1] ?? '');
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1];
    const after = text[i + word.length];
    if (checkStart && before !== undefined && WORD.test(before)) continue;
    if (checkEnd && after !== undefined && WORD.test(after)) continue;
    return true;
  }
  return false;
}
