/** HTTP adapter for a customer's chats (the timeline's conversations, "open conversation"). */
import type { Ctx } from '../../../app/context.js';
import type { App } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses, IdParams } from '../../../http/schema-helpers.js';
import { CustomerChatList, listCustomerChats } from './customer-chat-reads.js';

export function customerChatRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/customers/:id/conversations',
    {
      schema: {
        tags: ['customers'],
        summary:
          'The customer’s chats (from a contact-me link): member, link, first contact, last message, and whether you can open it',
        params: IdParams,
        response: { 200: CustomerChatList, ...errorResponses },
      },
    },
    async (req) => listCustomerChats(ctx, actorOf(req), req.params.id),
  );
}
