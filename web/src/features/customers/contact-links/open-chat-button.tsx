/** "Open conversation" on a customer's page, for the member serving them in a chat. */
import { MessageOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCustomerChats } from './contact-link-api';

export function OpenChatButton({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const chat = useCustomerChats(customerId).data?.find((c) => c.canOpen);
  if (!chat) return null;
  return (
    <Button icon={<MessageOutlined />} onClick={() => navigate(`/messages/${chat.conversationId}`)}>
      {t('contact.openChat')}
    </Button>
  );
}
