// Lets a field keep its own text (half-typed, untrimmed, not yet valid) and still follow its value when that changes elsewhere.
import { useState } from 'react';

/**
 * Calls `follow` while rendering, once each time `value` is not the value of the previous render (React's
 * "adjusting state when a prop changes"). Typing changes only the field's own text, so it never calls `follow`;
 * `follow` may set the component's own state, which React applies before the render is shown.
 */
export function useFollow<T>(value: T, follow: (value: T) => void): void {
  // Boxed, because useState would call a function value instead of storing it.
  const [followed, setFollowed] = useState({ value });
  if (!Object.is(followed.value, value)) {
    setFollowed({ value });
    follow(value);
  }
}
