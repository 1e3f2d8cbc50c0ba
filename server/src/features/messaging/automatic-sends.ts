/**
 * Messages Concord sends in a member's name — a mass message, a transfer notice, a contact link's
 * welcome — carry a client id starting with one of these prefixes, which a member's own sends may
 * not use. Whoever measures how members answer customers tells the two apart by it.
 */
export const AUTOMATIC_SEND_PREFIXES = ['mass:', 'transfer-notice:', 'contact-welcome:', 'welcome:'] as const;

export const isAutomaticSend = (clientMsgId: string | null | undefined): boolean =>
  typeof clientMsgId === 'string' && AUTOMATIC_SEND_PREFIXES.some((prefix) => clientMsgId.startsWith(prefix));
