/**
 * The classroom server, started for real on a test port with a temporary database, driven by
 * Hocuspocus clients: who may write what, validation of networks and records, limits, and
 * persistence across a restart (graceful, and after SIGKILL of a server process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import leakyUnit from '../presets/leaky-unit.json';
import esnSineV1 from '../test/fixtures/v1/esn-sine.json';
import { recordsDocName, ROOM_MAPS, type StudentRecord } from '../src/model/room.ts';
import { startClassroomServer, type ClassroomServer } from './classroomServer.ts';
import { createRoom, joinRoom, secret, studentToken, waitFor, type TestClient } from './testClient.ts';

const dir = mkdtempSync(join(tmpdir(), 'classroom-test-'));
const logs: string[] = [];
let server: ClassroomServer;
const clients: TestClient[] = [];
const children: ChildProcess[] = [];

const limits = { maxDocumentBytes: 20_000, maxStudents: 3, messageBurst: 40, messagesPerSecond: 20 };

/** Every engineer's and CI's test runs share the machine: the servers take any free port. */
async function start(port = 0) {
  return startClassroomServer({ port, host: '127.0.0.1', dbPath: join(dir, 'rooms.db'), limits, log: (l) => logs.push(l) });
}

function join_(room: string, token: Parameters<typeof joinRoom>[2]) {
  const c = joinRoom(server.url, room, token);
  clients.push(c);
  return c;
}

const network = (title: string) => JSON.stringify({ ...leakyUnit, title });
const teacherMap = (c: TestClient) => c.doc.getMap(ROOM_MAPS.teacher);
const studentsOf = (c: TestClient | Y.Doc) => ('doc' in c ? c.doc : c).getMap(ROOM_MAPS.students);
const record = (name: string): StudentRecord => ({ name, following: true, ticks: {}, results: [] });

/** A room with its teacher connected and a first network written. */
async function roomWithTeacher() {
  const { room, key } = await createRoom(server.url);
  const teacher = join_(room, { role: 'teacher', key });
  await teacher.synced;
  teacherMap(teacher).set('network', network('first'));
  teacherMap(teacher).set('version', 1);
  await waitFor(server.openRoom(room)!, () => server.openRoom(room)!.getMap(ROOM_MAPS.teacher).get('version') === 1);
  return { room, key, teacher };
}

beforeAll(async () => {
  server = await start();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rooms and roles', () => {
  it('creates a room over HTTP and lets the teacher’s network reach a student', async () => {
    const { room, key } = await createRoom(server.url);
    expect(room).toMatch(/^[A-Z2-9]{6}$/);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(server.db.room(room)!.keyHash).not.toContain(key);
    const teacher = join_(room, { role: 'teacher', key });
    await teacher.synced;
    teacherMap(teacher).set('network', network('shared'));
    const student = join_(room, studentToken());
    await student.synced;
    await waitFor(student.doc, () => typeof teacherMap(student).get('network') === 'string');
    expect(JSON.parse(teacherMap(student).get('network') as string).title).toBe('shared');
    const res = await fetch(`http://127.0.0.1:${server.port}/rooms/${room}`);
    expect(res.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/rooms/AAAAAA`)).status).toBe(404);
  });

  it('refuses a wrong teacher key, an unknown room and a malformed token at join', async () => {
    const { room } = await createRoom(server.url);
    expect(await join_(room, { role: 'teacher', key: secret() }).refusedToJoin).toEqual({ code: 4403, reason: 'wrong teacher key for this room' });
    expect((await join_('ZZZZZZ', studentToken()).refusedToJoin).code).toBe(4404);
    expect((await join_(room, '{"role":"admin"}').refusedToJoin).code).toBe(4400);
  });

  it('refuses a forged teacher message from a student, disconnects it and keeps the room', async () => {
    const { room, teacher } = await roomWithTeacher();
    const student = join_(room, studentToken());
    await student.synced;
    await waitFor(student.doc, () => teacherMap(student).get('version') === 1);
    let studentSawForgery = false;
    const observer = join_(room, studentToken());
    await observer.synced;
    teacherMap(observer).observe(() => {
      if (JSON.parse(teacherMap(observer).get('network') as string).title === 'forged') studentSawForgery = true;
    });
    teacherMap(student).set('network', network('forged'));
    const closed = await student.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/only the teacher may change/);
    expect(logs.some((l) => l.includes(`room ${room}: refused a message from student`) && l.includes('only the teacher'))).toBe(true);
    // The room, the teacher and the other student keep the teacher's network.
    const live = server.openRoom(room)!.getMap(ROOM_MAPS.teacher);
    expect(JSON.parse(live.get('network') as string).title).toBe('first');
    teacherMap(teacher).set('version', 2);
    await waitFor(observer.doc, () => teacherMap(observer).get('version') === 2);
    expect(studentSawForgery).toBe(false);
    expect(JSON.parse(teacherMap(teacher).get('network') as string).title).toBe('first');
  });

  it('writes a student’s record message under their own id, for the teacher’s eyes only', async () => {
    const { room, key } = await roomWithTeacher();
    const records = join_(recordsDocName(room), { role: 'teacher', key });
    await records.synced;
    const id = secret();
    const alice = join_(room, studentToken(id));
    await alice.synced;
    alice.sendRecord(record('<b>Alice</b>'));
    await waitFor(records.doc, () => studentsOf(records).has(id));
    expect((studentsOf(records).get(id) as StudentRecord).name).toBe('<b>Alice</b>');
    // Another student sees none of it: the class document holds no records, the records
    // document refuses them, and a record message can only ever be their own.
    const bob = join_(room, studentToken());
    await bob.synced;
    expect(studentsOf(bob).size).toBe(0);
    expect(await join_(recordsDocName(room), studentToken(secret())).refusedToJoin).toEqual({ code: 4403, reason: "the class's records are for the teacher only" });
    bob.sendRecord(record('not Alice'));
    await waitFor(records.doc, () => studentsOf(records).size === 2);
    expect((studentsOf(records).get(id) as StudentRecord).name).toBe('<b>Alice</b>');
  });

  it('refuses a record written as an update, and the teacher writing records', async () => {
    const { room, key } = await roomWithTeacher();
    const id = secret();
    const carol = join_(room, studentToken(id));
    await carol.synced;
    studentsOf(carol).set(id, record('Carol'));
    expect(await carol.closed).toEqual({ code: 4403, reason: 'a student sends only their own record (a record message); the class document holds no records' });
    const records = join_(recordsDocName(room), { role: 'teacher', key });
    await records.synced;
    studentsOf(records).set(id, record('forged by the teacher'));
    expect((await records.closed).reason).toBe("the class's records are written by the server, from each student's own record message");
    const teacher = join_(room, { role: 'teacher', key });
    await teacher.synced;
    teacher.sendRecord(record('Teacher'));
    expect((await teacher.closed).code).toBe(4403);
    const check = join_(recordsDocName(room), { role: 'teacher', key });
    await check.synced;
    expect(studentsOf(check).size).toBe(0);
    expect(studentsOf(server.openRoom(room)!).size).toBe(0);
  });

  it('refuses a malformed record and one with a bad name', async () => {
    const { room, key } = await roomWithTeacher();
    const id = secret();
    const s = join_(room, studentToken(id));
    await s.synced;
    s.sendRecord({ ...record('Ann'), results: [{ task: 'train', values: { nrmse: 'low' } }] });
    const closed = await s.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(new RegExp(`^students\\.${id}\\.results`));
    const id2 = secret();
    const s2 = join_(room, studentToken(id2));
    await s2.synced;
    s2.sendRecord(record('Ann\u0007'));
    expect((await s2.closed).reason).toBe(`students.${id2}.name: no control characters`);
    const s3 = join_(room, studentToken());
    await s3.synced;
    s3.provider.sendStateless('{"record": {}, "extra": 1}');
    expect((await s3.closed).reason).toBe('a record message is {"record": {…}} and nothing else');
    const records = join_(recordsDocName(room), { role: 'teacher', key });
    await records.synced;
    expect(studentsOf(records).size).toBe(0);
  });

  it('refuses a student that would go beyond the room’s limit of students', async () => {
    const { room } = await createRoom(server.url);
    for (let i = 0; i < limits.maxStudents; i++) await join_(room, studentToken()).synced;
    expect(await join_(room, studentToken()).refusedToJoin).toEqual({ code: 4429, reason: 'the room is full (3 students)' });
    // A student who joined before comes back.
    const returning = studentToken();
    const { room: other } = await createRoom(server.url);
    await join_(other, returning).synced;
    clients.pop()!.destroy();
    await join_(other, returning).synced;
    expect((await join_(other, { ...returning, secret: secret() }).refusedToJoin).reason).toBe('this student id belongs to someone else');
  });
});

describe('the teacher’s network is validated before it is stored or forwarded', () => {
  it('drops a malformed document with a logged reason; no student receives it', async () => {
    const { room, key, teacher } = await roomWithTeacher();
    const student = join_(room, studentToken());
    await student.synced;
    await waitFor(student.doc, () => teacherMap(student).get('version') === 1);
    const seen: string[] = [];
    teacherMap(student).observe(() => seen.push(teacherMap(student).get('network') as string));
    const bad = structuredClone(leakyUnit) as typeof leakyUnit;
    (bad.nodes[1].params as { leak: number }).leak = 3;
    teacherMap(teacher).set('network', JSON.stringify(bad));
    const closed = await teacher.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toContain('nodes[1].params.leak');
    expect(logs.some((l) => l.includes(`room ${room}: refused a message from the teacher`) && l.includes('nodes[1].params.leak'))).toBe(true);
    expect(JSON.parse(server.openRoom(room)!.getMap(ROOM_MAPS.teacher).get('network') as string).title).toBe('first');
    // A later, valid change reaches the student; the invalid one never did.
    const again = join_(room, { role: 'teacher', key });
    await again.synced;
    teacherMap(again).set('network', network('second'));
    await waitFor(student.doc, () => seen.length > 0);
    expect(seen.map((t) => JSON.parse(t).title)).toEqual(['second']);
  });

  it('refuses a document above the size limit', async () => {
    const { room, teacher } = await roomWithTeacher();
    const big = JSON.stringify({ ...leakyUnit, description: 'x'.repeat(limits.maxDocumentBytes) });
    teacherMap(teacher).set('network', big);
    const closed = await teacher.closed;
    expect(closed.code).toBe(4413);
    expect(closed.reason).toMatch(/^the network is 20 kB; a room holds networks of at most 20 kB$/);
    expect(JSON.parse(server.openRoom(room)!.getMap(ROOM_MAPS.teacher).get('network') as string).title).toBe('first');
  });

  it('holds networks in the current format only: a format 1 document is refused', async () => {
    const { room, teacher } = await roomWithTeacher();
    teacherMap(teacher).set('network', JSON.stringify(esnSineV1));
    const closed = await teacher.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/^class\.network\.version: a room holds format version 2 documents \(this one needs migrating: /);
    expect(JSON.parse(server.openRoom(room)!.getMap(ROOM_MAPS.teacher).get('network') as string).title).toBe('first');
  });

  it('migrates a room stored in format 1 when it is opened: its network and its sliders', async () => {
    const { room } = await createRoom(server.url);
    const stored = new Y.Doc();
    stored.getMap(ROOM_MAPS.teacher).set('network', JSON.stringify(esnSineV1));
    stored.getMap(ROOM_MAPS.teacher).set('exposed', [{ ref: 'rec.params.weight.spectralRadius', min: 0.1, max: 1.5 }, { ref: 'res.params.leak' }]);
    server.db.appendUpdate(room, Y.encodeStateAsUpdate(stored));
    const student = join_(room, studentToken());
    await student.synced;
    await waitFor(student.doc, () => typeof teacherMap(student).get('network') === 'string');
    const doc = JSON.parse(teacherMap(student).get('network') as string) as { version: number; edges: { id: string; params: Record<string, unknown> }[] };
    expect(doc.version).toBe(2);
    expect(doc.edges.find((e) => e.id === 'rec')!.params).toMatchObject({ connectivity: 0.1, spectralRadius: 0.9, weight: { type: 'normal', mean: 0, std: 1 } });
    expect(teacherMap(student).get('exposed')).toEqual([{ ref: 'rec.params.spectralRadius', min: 0.1, max: 1.5 }, { ref: 'res.params.leak' }]);
    expect(logs).toContain(`room ${room}: its network migrated to the current format`);
  });

  it('refuses unknown fields, nested shared types and writes outside the room', async () => {
    const { room, key } = await roomWithTeacher();
    const a = join_(room, { role: 'teacher', key });
    await a.synced;
    teacherMap(a).set('script', 'alert(1)');
    expect((await a.closed).reason).toMatch(/^class\.script: not a field of the room/);
    const b = join_(room, { role: 'teacher', key });
    await b.synced;
    teacherMap(b).set('exposed', new (await import('yjs')).Array());
    expect((await b.closed).code).toBe(4400);
    const c = join_(room, { role: 'teacher', key });
    await c.synced;
    c.doc.getMap('other').set('x', 1);
    expect((await c.closed).reason).toBe('“other” is not part of a room');
    const d = join_(room, { role: 'teacher', key });
    await d.synced;
    d.doc.getMap(ROOM_MAPS.online).set('x', { role: 'teacher' });
    expect((await d.closed).reason).toBe('who is online is written by the server only');
  });
});

describe('limits', () => {
  it('bounds a flood of updates: the connection is refused, the room intact and responsive', async () => {
    const { room, key, teacher } = await roomWithTeacher();
    const id = secret();
    const s = join_(room, studentToken(id));
    await s.synced;
    const sent = 2000;
    const began = performance.now();
    for (let i = 0; i < sent; i++) s.sendRecord({ ...record(`flood ${i}`), ticks: { l: [1] } });
    const closed = await s.closed;
    const seconds = (performance.now() - began) / 1000;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/too many messages/);
    const records = join_(recordsDocName(room), { role: 'teacher', key });
    await records.synced;
    await new Promise((r) => setTimeout(r, 200));
    const stored = studentsOf(records).get(id) as StudentRecord | undefined;
    const applied = stored ? Number(stored.name.split(' ')[1]) + 1 : 0;
    // At most the burst and what the rate refilled while the flood lasted got through.
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThanOrEqual(limits.messageBurst + Math.ceil(limits.messagesPerSecond * seconds));
    expect(applied).toBeLessThan(sent);
    const late = join_(room, studentToken());
    await late.synced;
    expect(JSON.parse(teacherMap(late).get('network') as string).title).toBe('first');
    teacherMap(teacher).set('version', 5);
    await waitFor(late.doc, () => teacherMap(late).get('version') === 5);
  });
});

describe('persistence', () => {
  it('keeps rooms, students and records across a restart', async () => {
    const { room, key, teacher } = await roomWithTeacher();
    const records = join_(recordsDocName(room), { role: 'teacher', key });
    await records.synced;
    const token = studentToken();
    const s = join_(room, token);
    await s.synced;
    s.sendRecord(record('Persistent'));
    await waitFor(records.doc, () => studentsOf(records).has(token.id));
    teacher.destroy();
    records.destroy();
    s.destroy();
    const port = server.port;
    await server.close();
    server = await start(port);
    const back = join_(room, { role: 'teacher', key });
    await back.synced;
    const backRecords = join_(recordsDocName(room), { role: 'teacher', key });
    await backRecords.synced;
    expect(JSON.parse(teacherMap(back).get('network') as string).title).toBe('first');
    expect((studentsOf(backRecords).get(token.id) as StudentRecord).name).toBe('Persistent');
    // The student's secret still identifies them; nobody is online in the restored room but us.
    await join_(room, token).synced;
    const studentsOnline = () => [...back.doc.getMap(ROOM_MAPS.online).values()].filter((v) => (v as { role: string }).role === 'student').length;
    await waitFor(back.doc, () => studentsOnline() === 1);
    expect(back.doc.getMap(ROOM_MAPS.online).size).toBe(2);
  });

  it('loses nothing when the server process is killed (SIGKILL) and restarted', async () => {
    const db = join(dir, 'crash.db');
    /** Starts `npm run classroom`'s program; resolves with its address once it listens. */
    const launch = (port: number) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CLASSROOM_DB: db },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const ready = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => {
          const m = /listening on (ws:\/\/\S+)/.exec(b.toString());
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
      });
      return { child, ready };
    };
    const first = launch(0);
    const url = await first.ready;
    const { room, key } = await createRoom(url);
    const teacher = joinRoom(url, room, { role: 'teacher', key });
    clients.push(teacher);
    await teacher.synced;
    teacherMap(teacher).set('network', network('survives'));
    teacherMap(teacher).set('version', 7);
    // Wait for the server's acknowledgement of both changes, then kill it at once.
    await new Promise<void>((resolve) => {
      const check = () => teacher.provider.unsyncedChanges === 0 && resolve();
      teacher.provider.on('unsyncedChanges', check);
      check();
    });
    teacher.provider.configuration.websocketProvider.shouldConnect = false;
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    teacher.destroy();
    const second = launch(Number(new URL(url).port));
    await second.ready;
    try {
      const student = joinRoom(url, room, studentToken());
      clients.push(student);
      await student.synced;
      await waitFor(student.doc, () => teacherMap(student).get('version') === 7);
      expect(JSON.parse(teacherMap(student).get('network') as string).title).toBe('survives');
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  });
});
