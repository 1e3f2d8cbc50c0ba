/** Ordering and search of the conversation list: pinned first, then the latest activity. */
export type ListedConversation = {
  id: string;
  name: string;
  pinned: boolean;
  updatedAt: string;
  lastMessage: { at: string } | null;
};

const activity = (c: ListedConversation) => c.lastMessage?.at ?? c.updatedAt;

export function arrangeConversations<C extends ListedConversation>(items: C[], search: string): C[] {
  const q = search.trim().toLowerCase();
  return items
    .filter((c) => !q || c.name.toLowerCase().includes(q))
    .sort((a, b) => {
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      return activity(b).localeCompare(activity(a));
    });
}

/** 99+ the way chat apps cap a badge. */
export function badgeCount(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/** The navigation badge: unread messages of every conversation not muted (muted ones only show a dot in the list). */
export function unreadTotal(items: { unreadCount: number; muted: boolean }[]): number {
  return items.reduce((sum, c) => (c.muted ? sum : sum + Math.max(0, c.unreadCount)), 0);
}
