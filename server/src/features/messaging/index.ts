/** What other features (and the realtime gateway) may use from messaging. */

export { contentDisposition } from './attachment-names.js';
export { parseAttachment } from './attachment-presenter.js';
export type { AttachmentOut } from './attachment-schemas.js';
export { AUTOMATIC_SEND_PREFIXES, automaticSendId, isAutomaticSend } from './automatic-sends.js';
export { handOverCustomerChat, openCustomerChat, postInCustomerChat } from './commands/customer-chat.js';
export { type FileToSend, type SentInChat, sendInCustomerChat } from './commands/customer-chat-send.js';
export { handOverGroup } from './commands/hand-over-group.js';
export { admitWithInvite, inviteRefusal, refuse } from './commands/join-by-invite.js';
export {
  fileTooLarge,
  type IncomingFile,
  type ReceiveFile,
  type StoredFile,
  storeIncomingFile,
} from './commands/store-incoming-file.js';
export { unfollowDepartment } from './commands/unfollow-department.js';
export { registerMessagingHandlers } from './conversation-handlers.js';
export type { LoggedEvent } from './conversation-rules.js';
export { listEventsAfter, publishEvents } from './event-log.js';
export { conversationIdsOf, memberIdsOf, requireMembership } from './membership.js';
export {
  type OutgoingCheck,
  type OutgoingMessage,
  type OutgoingVerdict,
  registerOutgoingCheck,
  type StoredRef,
} from './outgoing-checks.js';
export { openTodoCount, ownedGroupCount } from './owned-groups.js';
export { postSystemMessage } from './system-messages.js';
export { runTodoReminder, TODO_REMINDER_JOB } from './todo-reminder.js';
