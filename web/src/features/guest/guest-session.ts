/**
 * A visitor's guest session, kept per invite code in localStorage (apart from a colleague's
 * console session, which it never touches) so a reload keeps them in the group.
 */
export type GuestSession = {
  token: string;
  conversationId: string;
  participant: { id: string; name: string; email: string };
};

const keyOf = (code: string) => `concord.guest.${code}`;

function isSession(value: unknown): value is GuestSession {
  const v = value as Partial<GuestSession> | null;
  return typeof v?.token === 'string' && typeof v.conversationId === 'string' && typeof v.participant?.id === 'string';
}

export function loadGuestSession(code: string): GuestSession | null {
  const raw = globalThis.localStorage?.getItem(keyOf(code));
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveGuestSession(code: string, session: GuestSession | null): void {
  if (session) globalThis.localStorage?.setItem(keyOf(code), JSON.stringify(session));
  else globalThis.localStorage?.removeItem(keyOf(code));
}
