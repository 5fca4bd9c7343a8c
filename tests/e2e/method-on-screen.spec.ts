import type { Page } from '@playwright/test';
import type { Stratum } from '../../shared/model';
import { execFileSync } from 'node:child_process';
import { bandTop, STRATUM_BANDS } from '../../shared/levels/bands';
import { expect, test } from './fixtures';
import type { ServedShell } from './server';

const PROJECTOR = { width: 1920, height: 1080 };
const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jana'];
const LAST = ['Silva', 'Adler', 'Moreno', 'Patel', 'Berg', 'Lind', 'Okafor', 'Novak', 'Weber', 'Nair'];

interface Role {
  id: string;
  person: string;
  stratum: number;
  manager?: string;
}

/** A requisite org map of 30 roles over strata V to I (1, 3, 8, 9, 9), laid out in its bands, 280 apart. */
function thirtyRoles(): Role[] {
  const rows = [1, 3, 8, 9, 9];
  const roles: Role[] = [];
  rows.forEach((count, row) => {
    const above = roles.filter((r) => r.stratum === 6 - row);
    for (let i = 0; i < count; i++) {
      const id = `r${roles.length}`;
      const manager = above.length ? above[Math.floor((i * above.length) / count)].id : undefined;
      roles.push({ id, person: `${FIRST[roles.length % 10]} ${LAST[Math.floor(roles.length / 3) % 10]}`, stratum: 5 - row, manager });
    }
  });
  return roles;
}

/** A 12-role sales organisation with one compression (Ana under Raj, both III) and one gap (Ben, I, under Maya, III). */
const WITH_FINDINGS: Role[] = [
  { id: 'ceo', person: 'Helen Cho', stratum: 5 },
  { id: 'vps', person: 'Dana Whitfield', stratum: 4, manager: 'ceo' },
  { id: 'vpm', person: 'Omar Haddad', stratum: 4, manager: 'ceo' },
  { id: 'rm1', person: 'Sam Ortiz', stratum: 3, manager: 'vps' },
  { id: 'rm2', person: 'Maya Lind', stratum: 3, manager: 'vps' },
  { id: 'mm', person: 'Raj Patel', stratum: 3, manager: 'vpm' },
  { id: 'ana', person: 'Ana Silva', stratum: 3, manager: 'mm' },
  { id: 'kam', person: 'Lee Park', stratum: 2, manager: 'rm1' },
  { id: 'rep1', person: 'Ravi Nair', stratum: 1, manager: 'kam' },
  { id: 'ben', person: 'Ben Adler', stratum: 1, manager: 'rm2' },
];

/** A session whose one board is `roles` as an org map with strata bands on, and one agenda item on it with a question. */
async function orgMapSession(shell: ServedShell, roles: Role[], title: string, question: string) {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Alder & Finch' });
  const boardId = session.boards[0].id;
  await shell.call('board.updateSettings', { id: boardId, settings: { strataBands: true } });
  const columns = new Map<number, number>();
  await shell.call('board.apply', {
    boardId,
    ops: [
      ...roles.map((r) => {
        const column = columns.get(r.stratum) ?? 0;
        columns.set(r.stratum, column + 1);
        const position = { x: column * 280, y: bandTop(r.stratum as Stratum) + 55 };
        return { type: 'node.add', node: { id: r.id, kind: 'role', position, size: null, data: { person: r.person, title: 'Account lead', stratum: r.stratum, timeSpan: null, notes: '' } } };
      }),
      ...roles
        .filter((r) => r.manager)
        .map((r) => ({ type: 'edge.add', edge: { id: `e-${r.id}`, kind: 'reports-to', source: r.manager, target: r.id, data: { label: '', strength: null } } })),
    ],
  });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'a0', title, timeboxMinutes: 10, boardId, frameId: null, prompts: [question] }] });
  return { sessionId: session.id, boardId };
}

async function present(page: Page, shell: ServedShell, sessionId: string, boardId: string): Promise<Page> {
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  return audience;
}

/** The smallest on-screen size of the text of the audience's role cards, and how many of them lie wholly on screen. */
function namesOnScreen(audience: Page) {
  return audience.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const pane = document.querySelector('.audience .react-flow')!.getBoundingClientRect();
    const names = [...document.querySelectorAll<HTMLElement>('.react-flow__node-role')].map((node) => {
      const name = [...node.querySelectorAll<HTMLElement>('*')].find((el) => el.textContent && el.children.length === 0 && !el.closest('.visually-hidden, .compact-stratum, .stratum-badge'))!;
      const box = node.getBoundingClientRect();
      return { px: parseFloat(getComputedStyle(name).fontSize) * zoom, onScreen: box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom };
    });
    return { smallest: Math.min(...names.map((n) => n.px)), onScreen: names.filter((n) => n.onScreen).length };
  });
}

test('at 1920×1080 a 30-role org map shows whole in its strata bands, every name at 24 px or more, under the step’s caption', async ({ page, shell }) => {
  const { sessionId, boardId } = await orgMapSession(shell, thirtyRoles(), 'Draw the whole organisation', 'Who decides how the quarter’s targets are cut?');
  const audience = await present(page, shell, sessionId, boardId);
  await expect(audience.locator('.react-flow__node-role')).toHaveCount(30);
  const controls = page.getByRole('region', { name: 'Presenter controls' });
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');

  // The step's title and question, under the board.
  const caption = audience.getByRole('region', { name: 'Current step' });
  await expect(caption.getByRole('heading', { name: 'Draw the whole organisation' })).toBeVisible();
  await expect(caption).toContainText('Who decides how the quarter’s targets are cut?');
  // The bands and their labels behind the map.
  const labels = audience.locator('.strata-band-label');
  for (const band of STRATUM_BANDS.filter((b) => b.stratum <= 5)) await expect(labels.filter({ hasText: band.range })).toContainText(band.numeral);

  // One part, every card on screen above the caption, every name legible from the back of the room.
  await expect(controls).toContainText('Step 1 of 1');
  await expect(controls).not.toContainText('part');
  await expect.poll(async () => (await namesOnScreen(audience)).onScreen).toBe(30);
  expect((await namesOnScreen(audience)).smallest).toBeGreaterThanOrEqual(24);

  // The presenter can show it in parts instead, each card in full, and come back to the whole.
  await controls.getByRole('button', { name: 'Whole step' }).click();
  await expect(controls).toContainText(/part 1 of \d/);
  await expect(audience.locator('.role-title').first()).toBeVisible();
  await controls.getByRole('button', { name: 'Whole step' }).click();
  await expect(controls).not.toContainText('part');
  await expect.poll(async () => (await namesOnScreen(audience)).onScreen).toBe(30);
});

test('the audience view marks a compression and a gap on their edges, and the presenter hides and shows them', async ({ page, shell }) => {
  const { sessionId, boardId } = await orgMapSession(shell, WITH_FINDINGS, 'Spot compression and gaps', 'Where do a manager and a report sit in the same band?');
  const audience = await present(page, shell, sessionId, boardId);
  await expect(audience.locator('.react-flow__node-role')).toHaveCount(WITH_FINDINGS.length);
  const compression = audience.getByRole('img', { name: /compression/ });
  const gap = audience.getByRole('img', { name: /gap/ });
  await expect(compression).toHaveCount(1);
  await expect(gap).toHaveCount(1);
  // Each word in a quiet tag on its edge, placed by the label layer; where the edge has no room
  // for it (a compression between two cards side by side), a number there and the word in the legend.
  const tags = audience.locator('.edge-label-finding');
  await expect(tags).toHaveCount(2);
  await expect(tags.filter({ hasText: 'gap' })).toBeVisible();
  await expect(audience.locator('.edge-label-finding, .edge-legend').filter({ hasText: 'compression' }).first()).toBeVisible();
  // The compression's number, with no room between the two cards side by side, sits nearby: a
  // leader runs from it to the middle of its edge, so the room sees which line it names.
  const badge = audience.locator('.edge-label-number.edge-label-finding');
  await expect(badge).toHaveCount(1);
  await expect(badge.locator('.edge-label-leader')).toHaveCount(1);
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
  // The leader's box, and the edge's middle halfway along its drawn path, on screen, in one go.
  const { leader, middle } = await badge.evaluate((el) => {
    const path = document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${el.getAttribute('data-edge-id')}"] path`)!;
    const at = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!);
    const box = el.querySelector('.edge-label-leader')!.getBoundingClientRect();
    return { leader: { x: box.x, y: box.y, width: box.width, height: box.height }, middle: { x: at.x, y: at.y } };
  });
  // Within 8 px on the projector: the label layer takes the middle of the route, not of the drawn path.
  expect(middle.x).toBeGreaterThanOrEqual(leader.x - 8);
  expect(middle.x).toBeLessThanOrEqual(leader.x + leader.width + 8);
  expect(middle.y).toBeGreaterThanOrEqual(leader.y - 8);
  expect(middle.y).toBeLessThanOrEqual(leader.y + leader.height + 8);

  // C on the presenter's side hides them from the room; the button shows it, and brings them back.
  const controls = page.getByRole('region', { name: 'Presenter controls' });
  const switchButton = controls.getByRole('button', { name: 'Findings on screen' });
  await expect(switchButton).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('c');
  await expect(switchButton).toHaveAttribute('aria-pressed', 'false');
  await expect(compression).toHaveCount(0);
  await expect(gap).toHaveCount(0);
  await expect(tags).toHaveCount(0);
  await switchButton.click();
  await expect(compression).toHaveCount(1);
  await expect(gap).toHaveCount(1);
});

test('the PDF handout draws the org map in its strata bands, with their labels as text, and marks its findings', async ({ page, shell }) => {
  const { sessionId, boardId } = await orgMapSession(shell, WITH_FINDINGS, 'Spot compression and gaps', 'Where do a manager and a report sit in the same band?');
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  await page.getByRole('button', { name: 'Export…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Export PDF' }).click();
  const file = test.info().outputPath('handout.pdf');
  await (await download).saveAs(file);
  // The org map's page, after the cover: its people, the bands' labels and the two findings' words.
  const orgPage = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const role of WITH_FINDINGS) expect(orgPage).toContain(role.person);
  for (const band of STRATUM_BANDS.filter((b) => b.stratum <= 5)) expect(orgPage).toContain(band.label);
  expect(orgPage).toContain('compression');
  expect(orgPage).toContain('gap');
});

test('a wide org map shown whole on the projector keeps a numeral on every band, without labels running over each other', async ({ page, shell }) => {
  // 26 roles in each of strata V to I, 280 apart: shown whole, each band is too thin for its label and range.
  const roles: Role[] = Array.from({ length: 130 }, (_, i) => ({ id: `r${i}`, person: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}`, stratum: 5 - Math.floor(i / 26) }));
  const { sessionId, boardId } = await orgMapSession(shell, roles, 'The whole organisation', 'Where does the work change in kind?');
  const audience = await present(page, shell, sessionId, boardId);
  const stage = audience.getByRole('main', { name: 'Audience view' });
  await expect(audience.locator('.react-flow__node-role').first()).toBeVisible();
  await page.getByRole('button', { name: 'Whole step' }).click();
  await expect(audience.locator('.react-flow__node-role')).toHaveCount(130);
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const labels = () =>
    audience.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.audience .strata-band-label')]
        .filter((label) => label.checkVisibility({ visibilityProperty: true }))
        .map((label) => {
          const box = label.getBoundingClientRect();
          const range = label.querySelector<HTMLElement>('.strata-band-range')!.getBoundingClientRect();
          return { text: label.textContent!, top: box.top, bottom: box.bottom, rangeShown: range.height > 0 };
        }),
    );
  await expect.poll(async () => (await labels()).length).toBeGreaterThanOrEqual(5);
  // The camera may have set off for the whole step only after the cards came: the thin bands fold
  // their ranges away once it gets there.
  await expect.poll(async () => (await labels()).some((l) => !l.rangeShown), { message: 'thin bands fold their ranges away' }).toBe(true);
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const shown = (await labels()).sort((a, b) => a.top - b.top);
  for (const band of STRATUM_BANDS.filter((b) => b.stratum <= 5)) expect(shown.map((l) => l.text).join('|')).toContain(band.numeral);
  for (let i = 1; i < shown.length; i++) expect(shown[i].top, `${shown[i].text} starts inside ${shown[i - 1].text}`).toBeGreaterThanOrEqual(shown[i - 1].bottom);
});
