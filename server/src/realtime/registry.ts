/** The sockets connected to this node, by member (one member may have several devices). */
import type { Connection } from './connection.js';

export class ConnectionRegistry {
  private readonly byMember = new Map<string, Set<Connection>>();

  /** Adds a socket; true when it is the member's first on this node. */
  add(connection: Connection): boolean {
    const existing = this.byMember.get(connection.memberId);
    if (existing) {
      existing.add(connection);
      return false;
    }
    this.byMember.set(connection.memberId, new Set([connection]));
    return true;
  }

  /** Removes a socket; true when it was the member's last on this node. */
  remove(connection: Connection): boolean {
    const set = this.byMember.get(connection.memberId);
    if (!set?.delete(connection)) return false;
    if (set.size > 0) return false;
    this.byMember.delete(connection.memberId);
    return true;
  }

  of(memberId: string): ReadonlySet<Connection> {
    return this.byMember.get(memberId) ?? EMPTY;
  }

  /** Members with at least one socket on this node. */
  get memberCount(): number {
    return this.byMember.size;
  }

  *all(): Iterable<Connection> {
    for (const set of this.byMember.values()) yield* set;
  }
}

const EMPTY: ReadonlySet<Connection> = new Set();
