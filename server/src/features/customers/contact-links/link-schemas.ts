/** Route schemas of contact-me links (联系我): the member's links and the visitor's page. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Text } from '../../../http/schema-helpers.js';

export const LINK_NAME_MAX = 40;
export const WELCOME_MAX = 500;
export const LINK_TAGS_MAX = 20;

const TagIds = Type.Array(Id, {
  maxItems: LINK_TAGS_MAX,
  uniqueItems: true,
  description: 'Tags each new customer gets',
});

export const CreateContactLinkBody = Obj({
  name: Name(LINK_NAME_MAX),
  tagIds: Type.Optional(TagIds),
  welcomeMessage: Type.Optional(Type.Union([Text(WELCOME_MAX), Type.Null()])),
  stageId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CreateContactLinkInput = Static<typeof CreateContactLinkBody>;

export const UpdateContactLinkBody = Obj({
  name: Type.Optional(Name(LINK_NAME_MAX)),
  tagIds: Type.Optional(TagIds),
  welcomeMessage: Type.Optional(Type.Union([Text(WELCOME_MAX), Type.Null()])),
  stageId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type UpdateContactLinkInput = Static<typeof UpdateContactLinkBody>;

export const ListContactLinksQuery = Obj({
  memberId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Another member’s links (customer.view over them)' }),
  ),
});

const Ref = Type.Object({ id: Type.String(), name: Type.String() });

export const ContactLink = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** The secret in the page's address: `/contact/{code}`. */
  code: Type.String(),
  owner: Ref,
  tags: Type.Array(Ref),
  welcomeMessage: Type.Union([Type.String(), Type.Null()]),
  stage: Type.Union([Ref, Type.Null()]),
  /** Visitors who started a chat through the link. */
  joins: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ContactLinkOut = Static<typeof ContactLink>;

export const ContactLinkList = Type.Object({ items: Type.Array(ContactLink) });

export const ContactCodeParams = Obj({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });

export const ContactPreview = Type.Object({
  orgName: Type.String(),
  memberName: Type.String(),
  linkName: Type.String(),
  /** Whether this server can send the email code (SMTP_URL is set). */
  mailConfigured: Type.Boolean(),
  /** The chat would be archived: the visitor agrees to or declines this notice when joining. */
  archiveNotice: Type.Union([Type.Object({ version: Type.Integer(), text: Type.String() }), Type.Null()]),
});
export type ContactPreviewOut = Static<typeof ContactPreview>;
