/** The session token, kept in localStorage so a reload stays signed in; listeners hear sign-out. */
const KEY = 'concord.token';
const listeners = new Set<(token: string | null) => void>();

export function getToken(): string | null {
  return globalThis.localStorage?.getItem(KEY) ?? null;
}

export function setToken(token: string | null): void {
  if (token) globalThis.localStorage?.setItem(KEY, token);
  else globalThis.localStorage?.removeItem(KEY);
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: (token: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
