/**
 * HTTP adapter for contact-me links (联系我): the member's links, and the public contact page's
 * three steps (preview, email code, join), which need no account — the link's code is the secret.
 */
import type { Ctx } from '../../../app/context.js';
import type { App } from '../../../http/app-type.js';
import { actorOf, requestMeta } from '../../../http/auth.js';
import { ErrorBody, errorResponses, IdParams, Ok } from '../../../http/schema-helpers.js';
import { GuestCodeBody, GuestCodeSent, GuestJoinBody, GuestJoined } from '../../guests/schemas.js';
import { previewContactLink } from './contact-preview.js';
import { joinThroughLink } from './join-through-link.js';
import { createContactLink, deleteContactLink, updateContactLink } from './link-commands.js';
import { contactLinkById, listContactLinks } from './link-reads.js';
import {
  ContactCodeParams,
  ContactLink,
  ContactLinkList,
  ContactPreview,
  CreateContactLinkBody,
  ListContactLinksQuery,
  UpdateContactLinkBody,
} from './link-schemas.js';
import { sendContactCode } from './send-contact-code.js';

const tags = ['contact links'];
const publicErrors = { ...errorResponses, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody };

export function contactLinkRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/contact-links',
    {
      schema: {
        tags,
        summary: 'Your contact-me links with their join counts, or another member’s (customer.view over them)',
        querystring: ListContactLinksQuery,
        response: { 200: ContactLinkList, ...errorResponses },
      },
    },
    async (req) => listContactLinks(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/contact-links',
    {
      schema: {
        tags,
        summary:
          'Create a contact-me link (customer.serve): a name, tags and a stage for each new customer, a welcome message; audited',
        body: CreateContactLinkBody,
        response: { 201: ContactLink, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createContactLink(ctx, actor, req.body);
      return reply.status(201).send(await contactLinkById(ctx, actor, id));
    },
  );

  app.patch(
    '/api/v1/contact-links/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact-me link (its owner, or customer.view over the owner); audited',
        params: IdParams,
        body: UpdateContactLinkBody,
        response: { 200: ContactLink, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateContactLink(ctx, actor, req.params.id, req.body);
      return contactLinkById(ctx, actor, req.params.id);
    },
  );

  app.delete(
    '/api/v1/contact-links/:id',
    {
      schema: {
        tags,
        summary: 'Delete a contact-me link: its page stops admitting visitors; chats and customers stay; audited',
        params: IdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await deleteContactLink(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/contact/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Preview a contact-me link: org, member, whether the chat is archived (no sign-in)',
        params: ContactCodeParams,
        response: { 200: ContactPreview, ...errorResponses },
      },
    },
    async (req) => previewContactLink(ctx, req.params.code),
  );

  app.post(
    '/api/v1/contact/:code/email-code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Email a one-time code to a visitor of a contact-me link (limited per address and sender)',
        params: ContactCodeParams,
        body: GuestCodeBody,
        response: { 202: GuestCodeSent, ...publicErrors },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await sendContactCode(ctx, req.params.code, req.body, requestMeta(req))),
  );

  app.post(
    '/api/v1/contact/:code/join',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Start (or sign back into) a 1:1 chat with the link’s member using the emailed code; the first time the visitor becomes a customer of that member. Answers a session limited to that chat',
        params: ContactCodeParams,
        body: GuestJoinBody,
        response: { 200: GuestJoined, ...publicErrors },
      },
    },
    async (req) => joinThroughLink(ctx, req.params.code, req.body, requestMeta(req)),
  );
}
