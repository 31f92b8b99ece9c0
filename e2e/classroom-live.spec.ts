/**
 * A live classroom through the real classroom server (started here, on a free port with a
 * temporary database): a teacher and three students in separate browser contexts.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import type { GraphDocument } from '../src/model/index.ts';
import { startClassroomServerProcess, type ClassroomServerProcess } from './classroom-server.ts';

let server: ClassroomServerProcess;

test.beforeAll(async () => {
  server = await startClassroomServerProcess();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Console errors of a page, except the browser's own lines about a refused WebSocket while the server is down. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
}

async function open(browser: Browser, path: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(path);
  await page.waitForFunction(() => window.__recurrence !== undefined, undefined, { timeout: 30_000 });
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return page;
}

const getDoc = (page: Page) => page.evaluate(() => window.__recurrence!.getDocument());
const status = (page: Page) => page.evaluate(() => window.__recurrence!.classroom.status());
const stepOf = (page: Page) => page.evaluate(() => window.__recurrence!.sim.t());
const simStatus = (page: Page) => page.evaluate(() => window.__recurrence!.sim.status());
const leak = (doc: GraphDocument) => (doc.nodes.find((n) => n.id === 'res')!.params as { leak: number }).leak;

async function joinAsStudent(browser: Browser, room: string, name: string, errors: string[], typed = false): Promise<Page> {
  const page = await open(browser, typed ? `/?server=${encodeURIComponent(server.url)}` : `/?room=${room}&server=${encodeURIComponent(server.url)}`, errors);
  if (typed) {
    // The code as a student might type it: lower case, with a dash.
    await page.getByRole('button', { name: 'Join a class' }).click();
    await page.getByLabel('Class code').fill(`${room.slice(0, 3).toLowerCase()}-${room.slice(3)}`);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  }
  await page.getByTestId('class-name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect.poll(() => status(page)).toMatchObject({ room, role: 'student', connected: true, following: true });
  return page;
}

/** Runs the memory-capacity task from its dialog and waits for the value. */
async function memoryCapacity(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Memory capacity…' }).click();
  const dialog = page.getByTestId('mc-dialog');
  await dialog.getByRole('button', { name: 'Compute' }).click();
  const value = dialog.getByTestId('mc-value');
  await expect(value).toHaveText(/\d/, { timeout: 60_000 });
  const text = (await value.textContent())!;
  await dialog.getByRole('button', { name: 'Close' }).click();
  return text;
}

test('a teacher and three students: follow, locked edits, explore and rejoin, results, a server restart', async ({ browser }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const preset = JSON.parse(readFileSync(new URL('../presets/esn-memory-capacity.json', import.meta.url), 'utf8')) as GraphDocument;

  // The teacher starts a class (what "Start a class" does) with a slider exposed.
  const teacher = await open(browser, `/?server=${encodeURIComponent(server.url)}&lesson=esn-memory-capacity&step=2&expose=res.params.leak:0.1:1`, errors);
  const { room, key } = await teacher.evaluate(() => window.__recurrence!.classroom.start());
  expect(room).toMatch(/^[A-Z2-9]{6}$/);
  expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  await expect(teacher.getByTestId('class-teacher-link')).toContainText(`?room=${room}&key=${key}`);
  await teacher.getByRole('dialog', { name: 'Your class' }).getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => status(teacher)).toMatchObject({ room, role: 'teacher', connected: true, students: 0 });

  const students = [await joinAsStudent(browser, room, 'Ada', errors), await joinAsStudent(browser, room, '<b>Bob</b>', errors), await joinAsStudent(browser, room, 'Cy', errors, true)];
  await expect.poll(() => status(teacher).then((s) => s.students)).toBe(3);

  // The teacher loads a preset and moves the exposed slider: every student's document equals
  // the teacher's within 2 s.
  expect(await teacher.evaluate((d) => window.__recurrence!.loadDocument(d), preset)).toEqual({ ok: true });
  const slider = teacher.getByRole('slider', { name: /res · leak/ });
  await slider.fill('0.5');
  const teacherDoc = await getDoc(teacher);
  expect(leak(teacherDoc)).toBe(0.5);
  for (const s of students) await expect.poll(() => getDoc(s), { timeout: 2000 }).toEqual(teacherDoc);
  await expect(students[0].getByRole('slider', { name: /res · leak/ })).toHaveValue('0.5');
  // The teacher's open lesson and step are on every student's screen.
  for (const s of students) await expect(s.getByTestId('try-step-2')).toHaveAttribute('aria-current', 'step');

  // Run, Pause and Reset reach the students.
  await teacher.getByTestId('run-toggle').click();
  for (const s of students) await expect.poll(() => s.evaluate(() => window.__recurrence!.sim.status())).toBe('running');
  await teacher.getByTestId('run-toggle').click();
  for (const s of students) await expect.poll(() => s.evaluate(() => window.__recurrence!.sim.status())).not.toBe('running');
  // Paused, every screen stands on the teacher's step.
  await expect.poll(() => simStatus(teacher)).not.toBe('running');
  const pausedAt = await stepOf(teacher);
  expect(pausedAt).toBeGreaterThan(0);
  for (const s of students) await expect.poll(() => stepOf(s), { timeout: 5000 }).toBe(pausedAt);

  // A following student's edit attempt changes nothing anywhere.
  const [ada, bob, cy] = students;
  await ada.locator('.react-flow__node[data-id="res"]').click();
  await ada.keyboard.press('Delete');
  await ada.evaluate((d) => window.__recurrence!.editDocument({ ...d, title: 'Ada was here' }), teacherDoc);
  expect(await getDoc(ada)).toEqual(teacherDoc);
  await ada.waitForTimeout(300);
  expect(await getDoc(teacher)).toEqual(teacherDoc);
  expect(await getDoc(bob)).toEqual(teacherDoc);

  // Bob explores on his own: his edit is his; the teacher's next change does not reach him.
  await bob.getByRole('button', { name: 'Explore on my own' }).click();
  const mine = { ...teacherDoc, nodes: teacherDoc.nodes.map((n) => (n.id === 'res' ? { ...n, params: { ...n.params, size: 12 } } : n)) } as GraphDocument;
  expect(await bob.evaluate((d) => window.__recurrence!.editDocument(d), mine)).toEqual({ ok: true });
  await slider.fill('0.8');
  const teacherDoc2 = await getDoc(teacher);
  await expect.poll(() => getDoc(cy), { timeout: 2000 }).toEqual(teacherDoc2);
  expect((await getDoc(bob)).nodes.find((n) => n.id === 'res')!.params).toMatchObject({ size: 12, leak: 0.5 });
  expect(await getDoc(teacher)).toEqual(teacherDoc2);

  // Results: Ada (following, 30 units) and Bob (his own 12 units) run the memory-capacity task.
  const adaMc = await memoryCapacity(ada);
  const bobMc = await memoryCapacity(bob);
  await teacher.getByRole('button', { name: 'Class', exact: true }).click();
  const panel = teacher.getByTestId('class-panel');
  await expect(panel.getByTestId('class-row')).toHaveCount(3);
  await expect.poll(async () => (await teacher.evaluate(() => window.__recurrence!.classroom.results())).filter((r) => r.results.length > 0).length, { timeout: 5000 }).toBe(2);
  const results = await teacher.evaluate(() => window.__recurrence!.classroom.results());
  const byName = Object.fromEntries(results.map((r) => [r.name, r]));
  expect(byName['Ada'].results[0]).toMatchObject({ task: 'memory-capacity', settings: { size: 30 }, docVersion: expect.any(Number) });
  expect(byName['<b>Bob</b>'].results[0]).toMatchObject({ task: 'memory-capacity', settings: { size: 12 }, docVersion: null });
  expect(byName['Ada'].results[0].values.mc.toFixed(2)).toBe(adaMc);
  expect(byName['<b>Bob</b>'].results[0].values.mc.toFixed(2)).toBe(bobMc);
  // The name is text, never markup; the scatter has a point per student with both values.
  await expect(panel.getByRole('rowheader', { name: /<b>Bob<\/b>/ })).toBeVisible();
  await expect(panel.locator('b')).toHaveCount(0);
  await expect(panel.getByTestId('class-point')).toHaveCount(2);
  await teacher.screenshot({ path: test.info().outputPath('classroom-teacher.png') });
  await bob.screenshot({ path: test.info().outputPath('classroom-student-exploring.png') });

  // "Follow the teacher" rejoins; the teacher's "Gather" brings everyone back.
  await bob.getByRole('button', { name: 'Follow the teacher' }).click();
  await expect.poll(() => getDoc(bob), { timeout: 2000 }).toEqual(teacherDoc2);
  await cy.getByRole('button', { name: 'Explore on my own' }).click();
  await expect.poll(() => status(cy).then((s) => s.following)).toBe(false);
  await teacher.getByRole('button', { name: 'Gather' }).click();
  await expect.poll(() => status(cy).then((s) => s.following)).toBe(true);

  // The server is killed and restarted: the room's network is still there, the students
  // reconnect (a banner says so meanwhile) and follow the teacher's next change.
  await server.kill();
  await expect(ada.getByTestId('class-banner')).toContainText('Connection to the class lost');
  await ada.screenshot({ path: test.info().outputPath('classroom-student-disconnected.png') });
  await server.restart();
  for (const p of [teacher, ...students]) await expect.poll(() => status(p).then((s) => s.connected), { timeout: 20_000 }).toBe(true);
  // A student joining while the class runs starts at the teacher's step, not at 0; on Pause
  // every screen stands on the same step again.
  await teacher.getByTestId('run-toggle').click();
  await expect.poll(() => simStatus(teacher)).toBe('running');
  await teacher.waitForTimeout(4000);
  const runningAt = await stepOf(teacher);
  const late = await joinAsStudent(browser, room, 'Late', errors);
  await expect.poll(() => getDoc(late), { timeout: 2000 }).toEqual(teacherDoc2);
  await expect.poll(() => simStatus(late)).toBe('running');
  expect(await stepOf(late)).toBeGreaterThanOrEqual(runningAt);
  await teacher.getByTestId('run-toggle').click();
  await expect.poll(() => simStatus(teacher)).not.toBe('running');
  const pausedAgain = await stepOf(teacher);
  for (const s of [ada, bob, cy, late]) await expect.poll(() => stepOf(s), { timeout: 5000 }).toBe(pausedAgain);
  await slider.fill('0.3');
  const teacherDoc3 = await getDoc(teacher);
  for (const s of [ada, bob, cy, late]) await expect.poll(() => getDoc(s), { timeout: 2000 }).toEqual(teacherDoc3);
  await expect(ada.getByTestId('class-banner')).toHaveCount(0);
  await ada.screenshot({ path: test.info().outputPath('classroom-student-following.png') });
  expect(errors).toEqual([]);
});
