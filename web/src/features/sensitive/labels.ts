/** Colours of the actions and alert states, the same on every page of the area. */
import type { AlertStatus, SensitiveAction } from '@concord/protocol';

export const ACTION_COLOR: Record<SensitiveAction, string> = { record: 'blue', mask: 'orange', block: 'red' };

export const STATUS_COLOR: Record<AlertStatus, string> = { new: 'gold', confirmed: 'red', dismissed: 'default' };
