/**
 * Messages Concord sends in a member's name — a mass message, a transfer notice, a contact link's
 * welcome, a new member's welcome — carry a client id built here, starting with its kind's prefix,
 * which a member's own sends may not use. Whoever measures how members answer customers tells the
 * two apart by it.
 */
export const AUTOMATIC_SEND_KINDS = ['mass', 'transfer-notice', 'contact-welcome', 'welcome'] as const;
export type AutomaticSendKind = (typeof AUTOMATIC_SEND_KINDS)[number];

export const AUTOMATIC_SEND_PREFIXES: readonly string[] = AUTOMATIC_SEND_KINDS.map((kind) => `${kind}:`);

/** The client id of one automatic send: the same key gives the same id, so a retry is not sent twice. */
export const automaticSendId = (kind: AutomaticSendKind, key: string): string => `${kind}:${key}`;

export const isAutomaticSend = (clientMsgId: string | null | undefined): boolean =>
  typeof clientMsgId === 'string' && AUTOMATIC_SEND_PREFIXES.some((prefix) => clientMsgId.startsWith(prefix));
