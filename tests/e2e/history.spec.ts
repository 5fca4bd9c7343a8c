import { createSessionInUi, expect, nodeByName, test } from './fixtures';

test('a restore point brings back a deleted role, and the restore itself can be undone', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'History day');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(nodeByName(page, 'Role: New role')).toBeVisible();

  await page.getByRole('button', { name: 'History…' }).click();
  const dialog = page.getByRole('dialog', { name: 'History' });
  await dialog.getByLabel('Name of a new restore point').fill('Before the break');
  await dialog.getByRole('button', { name: 'Save restore point' }).click();
  const points = dialog.getByRole('list', { name: 'Restore points' });
  await expect(points.getByRole('listitem', { name: 'Before the break' })).toContainText('1 node');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await nodeByName(page, 'Role: New role').click();
  await page.keyboard.press('Delete');
  await expect(nodeByName(page, 'Role: New role')).toHaveCount(0);

  await page.getByRole('button', { name: 'History…' }).click();
  const kept = points.getByRole('listitem', { name: 'Before the break' });
  await kept.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('region', { name: 'Preview of “Before the break”' })).toContainText('Board 1: 1 node');
  await kept.getByRole('button', { name: 'Restore' }).click();
  const confirm = dialog.getByRole('group', { name: 'Restore “Before the break”?' });
  await expect(confirm).toContainText('The current state is saved as a restore point first, so you can go back');
  await confirm.getByRole('button', { name: 'Yes, restore' }).click();

  await expect(dialog).toBeHidden();
  await expect(nodeByName(page, 'Role: New role')).toBeVisible();

  await page.getByRole('button', { name: 'History…' }).click();
  await expect(points.getByRole('listitem', { name: 'Before a restore' })).toContainText('0 nodes');
  await expect(points.getByRole('listitem')).toHaveCount(2);
});
