/**
 * Bus → sockets on this node. Conversation events are handled one at a time per conversation so
 * the sockets get them in the order the bus brought them; each socket's stream then restores seq
 * order and fills gaps from the log. Also receipts, typing, presence, and closing the sockets of
 * members who lose access, new sensitive-content alerts to the auditors who may see them, and
 * external participants' consent changes to their groups, and members' notifications.
 */
import {
  CONVERSATION_EVENT_TYPES,
  type ConversationEvent,
  type NotificationItem,
  type SensitiveAlertNotice,
} from '@concord/protocol';
import type { Ctx } from '../app/context.js';
import { reachCovers, reachOf } from '../authz/may.js';
import { CONSENT_EVENT } from '../features/compliance/consent/index.js';
import { ALERT_EVENT } from '../features/compliance/sensitive/index.js';
import { memberIdsOf } from '../features/messaging/index.js';
import { NOTIFICATION_EVENT } from '../features/notifications/index.js';
import type { DomainEvent } from '../platform/bus.js';
import { CLOSE, conversationEventOf, frameText, memberIdsNamedBy } from './frames.js';
import { credentialIsLive, presenceWatchersOf } from './queries.js';
import type { ConnectionRegistry } from './registry.js';

/** Bus event types the gateway itself publishes (not stored). */
export const TYPING_EVENT = 'realtime.typing';
export const PRESENCE_EVENT = 'realtime.presence';
/** Published by the message API when a member marks a conversation read (data: conversationId, memberId, readSeq). */
export const READ_EVENT = 'conversation.read';

/** Member lists are cached per conversation and dropped on every membership event (and after a while). */
const MEMBERS_TTL_MS = 60_000;
const MEMBERS_CACHE_MAX = 10_000;
const MEMBERSHIP_EVENTS = new Set<string>([
  'conversation.created',
  'conversation.member_added',
  'conversation.member_removed',
  'conversation.dissolved',
]);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Subscribes the gateway to the bus; returns the unsubscribe function. */
export function subscribeFanOut(ctx: Ctx, registry: ConnectionRegistry): () => void {
  const queues = new Map<string, Promise<void>>();
  const members = new Map<string, { ids: Promise<string[]>; at: number }>();

  const membersOf = (orgId: string, conversationId: string): Promise<string[]> => {
    const now = ctx.clock.now().getTime();
    const cached = members.get(conversationId);
    if (cached && now - cached.at < MEMBERS_TTL_MS) return cached.ids;
    if (members.size >= MEMBERS_CACHE_MAX) members.clear();
    const ids = memberIdsOf(ctx.db, orgId, conversationId);
    members.set(conversationId, { ids, at: now });
    ids.catch(() => members.delete(conversationId));
    return ids;
  };

  const deliver = async (orgId: string, event: ConversationEvent): Promise<void> => {
    if (MEMBERSHIP_EVENTS.has(event.type)) members.delete(event.conversationId);
    if (registry.memberCount === 0) return;
    const recipients = new Set(await membersOf(orgId, event.conversationId));
    // A removed member still hears of the removal; added ones are members already.
    for (const id of memberIdsNamedBy(event)) recipients.add(id);
    const live = { event, text: frameText({ type: 'event', event }) };
    for (const memberId of recipients) {
      for (const connection of registry.of(memberId)) if (connection.orgId === orgId) connection.offer(live);
    }
  };

  const onConversationEvent = (domainEvent: DomainEvent): Promise<void> | undefined => {
    const event = conversationEventOf(domainEvent);
    if (!event) return undefined;
    const key = event.conversationId;
    // A failed delivery (logged by the bus) must not stop the conversation's later events.
    const previous = queues.get(key)?.catch(() => undefined) ?? Promise.resolve();
    const next = previous.then(() => deliver(domainEvent.orgId, event));
    queues.set(key, next);
    return next.finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  };

  const sendTo = (orgId: string, memberIds: Iterable<string>, text: string, except?: string) => {
    for (const memberId of memberIds) {
      if (memberId === except) continue;
      for (const connection of registry.of(memberId)) if (connection.orgId === orgId) connection.send(text);
    }
  };

  const onReceipt = async (e: DomainEvent) => {
    const conversationId = str(e.data.conversationId);
    const memberId = str(e.data.memberId) ?? e.actorId ?? null;
    const readSeq = e.data.readSeq ?? e.data.seq;
    if (!conversationId || !memberId || typeof readSeq !== 'number' || registry.memberCount === 0) return;
    const text = frameText({ type: 'receipt', conversationId, memberId, readSeq });
    sendTo(e.orgId, await membersOf(e.orgId, conversationId), text);
  };

  const onTyping = async (e: DomainEvent) => {
    const conversationId = str(e.data.conversationId);
    const memberId = str(e.data.memberId);
    if (!conversationId || !memberId || registry.memberCount === 0) return;
    const text = frameText({ type: 'typing', conversationId, memberId });
    sendTo(e.orgId, await membersOf(e.orgId, conversationId), text, memberId);
  };

  const onPresence = async (e: DomainEvent) => {
    const memberId = str(e.data.memberId);
    if (!memberId || typeof e.data.online !== 'boolean' || registry.memberCount === 0) return;
    const text = frameText({ type: 'presence', memberId, online: e.data.online });
    sendTo(e.orgId, await presenceWatchersOf(ctx.db, e.orgId, memberId), text);
  };

  // A new sensitive-content alert goes to the connected members whose archive.view reaches its sender.
  const onAlert = async (e: DomainEvent) => {
    const alert = e.data.alert as SensitiveAlertNotice | undefined;
    const senderDepartmentIds = e.data.senderDepartmentIds;
    if (!alert || !Array.isArray(senderDepartmentIds) || registry.memberCount === 0) return;
    const sender = { kind: 'member' as const, id: alert.senderId, departmentIds: senderDepartmentIds as string[] };
    const text = frameText({ type: 'alert', alert });
    for (const connection of [...registry.all()]) {
      if (connection.orgId !== e.orgId) continue;
      const reach = await reachOf(ctx, connection.actor, 'archive.view');
      if (reach && reachCovers(reach, sender)) connection.send(text);
    }
  };

  // An external participant's archive consent: their group's members update its banner.
  const onConsent = async (e: DomainEvent) => {
    const conversationId = str(e.data.conversationId);
    const subjectId = str(e.data.subjectId);
    if (!conversationId || !subjectId || registry.memberCount === 0) return;
    const text = frameText({ type: 'consent', conversationId, subjectId });
    sendTo(e.orgId, await membersOf(e.orgId, conversationId), text, subjectId);
  };

  // A member's new notification goes to their own consoles only.
  const onNotification = (e: DomainEvent) => {
    const memberId = str(e.data.memberId);
    const notification = e.data.notification as NotificationItem | undefined;
    if (!memberId || !notification || registry.memberCount === 0) return;
    sendTo(e.orgId, [memberId], frameText({ type: 'notification', notification }));
  };

  // Disabling or removing a member cuts their sockets at once; a revoked session cuts its own.
  const onAccessLost = (e: DomainEvent) => {
    const memberId = str(e.data.memberId);
    if (!memberId) return;
    for (const connection of [...registry.of(memberId)]) connection.socket.close(CLOSE.unauthorized, 'signed out');
  };
  const onCredentialRevoked = async (e: DomainEvent) => {
    const memberId = str(e.data.memberId);
    if (!memberId) return;
    const now = ctx.clock.now().toISOString();
    for (const connection of [...registry.of(memberId)]) {
      if (!(await credentialIsLive(ctx.db, connection.actor, now)))
        connection.socket.close(CLOSE.unauthorized, 'signed out');
    }
  };

  const offs = [
    ...CONVERSATION_EVENT_TYPES.map((type) => ctx.bus.on(type, onConversationEvent)),
    ctx.bus.on(READ_EVENT, onReceipt),
    ctx.bus.on(TYPING_EVENT, onTyping),
    ctx.bus.on(PRESENCE_EVENT, onPresence),
    ctx.bus.on(ALERT_EVENT, onAlert),
    ctx.bus.on(CONSENT_EVENT, onConsent),
    ctx.bus.on(NOTIFICATION_EVENT, onNotification),
    ctx.bus.on('member.disabled', onAccessLost),
    ctx.bus.on('member.departed', onAccessLost),
    ctx.bus.on('session.revoked', onCredentialRevoked),
    ctx.bus.on('api_token.revoked', onCredentialRevoked),
  ];
  return () => {
    for (const off of offs) off();
  };
}
