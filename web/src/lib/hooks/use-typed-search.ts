/**
 * Search-as-you-type: what the user types, trimmed and settled for a moment before it becomes
 * the query, so a picker asks the server once per pause rather than once per key.
 */
import { useEffect, useState } from 'react';

/** The settled query and the setter for what is typed. */
export function useTypedSearch(delayMs = 250): [query: string, setTyped: (typed: string) => void] {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [typed, delayMs]);
  return [query, setTyped];
}
