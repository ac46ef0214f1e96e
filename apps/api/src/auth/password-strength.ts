// Refuses common and guessable passwords (zxcvbn's estimate of how many guesses a cracker needs), saying why.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/** zxcvbn's 3: "safely unguessable" against online attacks, about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

// The estimate is synchronous and its cost grows steeply with length and with l33t-looking characters (measured on
// this machine: 300 ms for 100 such characters with the defaults). Judging the first 64 characters with at most 10
// l33t substitutions keeps the worst case near 25 ms; a longer password is judged by its start, which must be strong.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
  translations,
  maxLength: 64,
  l33tMaxSubstitutions: 10,
});

/**
 * Why `password` is too easy to guess, or null when it is strong enough. `personal` holds what the account is known
 * by (e-mail, workspace name), so a password built from them counts as guessable.
 */
export function passwordWeakness(password: string, personal: string[]): string | null {
  const inputs = personal.flatMap((value) => [
    value,
    ...value
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((part) => part.length >= 3),
  ]);
  const { score, feedback } = zxcvbn.check(password, inputs);
  if (score >= MIN_PASSWORD_SCORE) return null;
  const advice = feedback.suggestions.length > 0 ? feedback.suggestions : ['Use a longer password, e.g. a few unrelated words.'];
  return ['This password is too easy to guess.', feedback.warning, ...advice].filter(Boolean).join(' ');
}
