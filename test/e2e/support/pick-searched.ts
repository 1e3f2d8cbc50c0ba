/**
 * Picking in a select that searches the server as the user types: the list is replaced when the
 * answer arrives, so a click is only made once the list shows the matches for what was typed,
 * and it is repeated if the list was swapped under the pointer and the dropdown stayed open.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export async function pickSearched(page: Page, field: Locator, typed: string, title: string | RegExp): Promise<void> {
  await field.click();
  await page.keyboard.type(typed);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const offered = dropdown.locator('.ant-select-item-option');
  await expect
    .poll(
      async () => {
        const texts = await offered.allInnerTexts();
        return texts.length > 0 && texts.every((text) => text.includes(typed));
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const option = dropdown.getByTitle(title, { exact: typeof title === 'string' }).first();
  for (let attempt = 1; ; attempt++) {
    await option.click();
    try {
      // A single select closes once the pick has landed.
      await expect.poll(() => dropdown.count(), { timeout: 5_000 }).toBe(0);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
