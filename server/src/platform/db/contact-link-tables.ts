/** Table types of contact-me links and the customers' chats (migration 0014). */

/** A member's personal contact-me link (联系我): visitors who open it chat with the member. */
export type ContactLinkTable = {
  id: string;
  org_id: string;
  /** The member visitors chat with and who owns the customers it brings. */
  owner_id: string;
  /** The secret in the link's address. */
  code: string;
  name: string;
  /** JSON array of tag ids added to each customer who joins. */
  tag_ids: string;
  welcome_message: string | null;
  /** The stage a new customer starts in; null: the first open stage. */
  stage_id: string | null;
  /** Visitors who started a chat through the link. */
  joins: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

/**
 * A customer's chat: the conversation between one guest (the customer's verified address) and
 * the member serving them. `member_id` follows the customer's owner across transfers.
 */
export type CustomerConversationTable = {
  conversation_id: string;
  org_id: string;
  customer_id: string;
  guest_id: string;
  member_id: string;
  contact_link_id: string | null;
  /** The link's name when the chat began (the link may be renamed or deleted later). */
  contact_link_name: string | null;
  created_at: string;
};

export type ContactLinkTables = {
  contact_links: ContactLinkTable;
  customer_conversations: CustomerConversationTable;
};
