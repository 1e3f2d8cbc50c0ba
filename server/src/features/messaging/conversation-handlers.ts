/** Bus subscriptions of messaging; the runtime calls `registerMessagingHandlers` once at start. */
import type { Ctx } from '../../app/context.js';
import {
  onDepartmentMoved,
  onMemberCreated,
  onMemberDepartmentsChanged,
  onMembersImported,
} from './commands/follow-departments.js';
import { onMemberDeparted } from './commands/on-member-departed.js';
import { postWelcomeMessages } from './welcome-messages.js';

/** Subscribes messaging to other features' events; returns a function that unsubscribes. */
export function registerMessagingHandlers(ctx: Ctx): () => void {
  const off = [
    ctx.bus.on('member.departed', (event) => onMemberDeparted(ctx, event)),
    // Department groups follow their department's members.
    ctx.bus.on('member.created', (event) => onMemberCreated(ctx, event)),
    ctx.bus.on('members.imported', (event) => onMembersImported(ctx, event)),
    ctx.bus.on('member.departments_changed', (event) => onMemberDepartmentsChanged(ctx, event)),
    ctx.bus.on('department.updated', (event) => onDepartmentMoved(ctx, event)),
    postWelcomeMessages(ctx),
  ];
  return () => {
    for (const stop of off) stop();
  };
}
