import type { NamespaceMessages } from '../../app/i18n/messages';
import { en } from './i18n-en';
import { zhCN } from './i18n-zh-cn';

export const massMessagesMessages: NamespaceMessages<typeof zhCN> = { 'zh-CN': zhCN, en };
