/**
 * The live classroom in the app: joins a room (roomConnection.ts) and keeps the app and the
 * room's document in step.
 * - The teacher publishes the open network, the lesson and step, the exposed sliders and the run
 *   state (Run / Pause, Reset as a new epoch) into the room's `class` map, at most every 50 ms.
 * - A following student shows what the room holds: a new network is validated and loaded (a
 *   change of parameters only is applied live, as the teacher's engine takes it), the lesson and
 *   step are shown, Run/Pause/Reset are repeated with the document's seed (a student who joins
 *   mid-run first steps to the teacher's step; on Pause both stand on the same step), and the
 *   network is locked. "Explore on my own" lifts the lock and stops following (edits stay in this browser,
 *   autosaved as always); "Follow the teacher" or the teacher's "Gather" bring the room back.
 * - Every student sends their own record (name, following, lesson ticks, task results) as a
 *   message; the server files it where only the teacher reads it (the room's records document,
 *   which the teacher's page opens as a second connection).
 */
import * as Y from 'yjs';
import { currentRef, validateDocument, type GraphDocument } from '../../../model/index.ts';
import { normaliseRoomCode, recordsDocName, ROOM_MAPS, runStateSchema, studentRecordSchema, teacherFields, type JoinToken, type RecordMessage, type RunState, type StudentRecord, type StudentResult } from '../../../model/room.ts';
import type { AppStores } from '../../../store/index.ts';
import type { ClassStore } from '../../../store/classStore.ts';
import { studentIdentity, rememberTeacherKey, saveStudentName, teacherKeyFor } from './identity.ts';
import { aisResult, memoryCapacityResult, trainResult } from './results.ts';
import { installEditLock } from '../../../store/editLock.ts';
import { connectRoom, type RoomConnection } from './roomConnection.ts';
import { httpOf, parseRoomLink, serverUrl, type RoomLink } from './roomLink.ts';

type Stores = Pick<AppStores, 'docs' | 'sim' | 'course' | 'tasks' | 'lessonMeasurements' | 'editor' | 'lock'>;

export interface LiveClassroom {
  readonly state: ClassStore;
  /** Joins the room a link names (as the teacher when it has the key). */
  join(link: RoomLink): void;
  /** "Start a class": creates a room on `server` and joins it as its teacher. */
  start(server: string): Promise<{ room: string; key: string }>;
  follow(): void;
  explore(): void;
  /** The teacher's "Gather": every student follows again. */
  gather(): void;
  setName(name: string): void;
  leave(): void;
}

/** Milliseconds between two publications of the teacher's state. */
const PUBLISH_MS = 50;
/** While running, the teacher's step is written about this often (ms). */
const RUN_SYNC_MS = 1000;
/** A student catches up at most this many steps at once (beyond: they start from where they are). */
const MAX_CATCH_UP = 1_000_000;
/** At most one "you are following" message in this many ms. */
const MESSAGE_GAP_MS = 4000;

const sameStructure = (a: GraphDocument, b: GraphDocument) =>
  a.nodes.length === b.nodes.length &&
  a.edges.length === b.edges.length &&
  a.nodes.every((n, i) => n.id === b.nodes[i].id && n.kind === b.nodes[i].kind) &&
  a.edges.every((e, i) => e.id === b.edges[i].id && e.source === b.edges[i].source && e.target === b.edges[i].target);

export function createLiveClassroom(stores: Stores, state: ClassStore): LiveClassroom {
  let connection: RoomConnection | null = null;
  /** The teacher's view of the students' records. */
  let recordsConnection: RoomConnection | null = null;
  /** The record last sent (without its time stamps), so an unchanged one is not sent again. */
  let sentRecord: string | null = null;
  let lastMessage = -Infinity;
  /**
   * While a student follows, nothing on their page edits the network (sliders and undo
   * included); the teacher's changes come in through `unlocked`, new networks by loading.
   */
  const followLock = installEditLock(stores.docs, (label) => {
    if (Date.now() - lastMessage < MESSAGE_GAP_MS) return;
    lastMessage = Date.now();
    stores.editor.getState().toast(`${label}: you are following the teacher. Choose “Explore on my own” to change the network yourself.`, 'info');
  });
  let unsubscribe: (() => void)[] = [];
  /** The network text last published (teacher) or applied (student). */
  let networkText: string | null = null;
  let appliedEpoch: number | null = null;
  /** The run state last taken from the room (JSON), and the next one to apply. */
  let seenRun: string | null = null;
  let nextRun: RunState | null = null;
  let applyingRun = false;
  let seenGather: number | null = null;
  let teacherEpoch = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const classMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOM_MAPS.teacher);

  const schedule = (fn: () => void, ms: number) => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };

  // ---------- teacher ----------

  function teacherValues(): Partial<Record<keyof typeof teacherFields, unknown>> {
    const { doc } = stores.docs.getState();
    const course = stores.course.getState();
    const status = stores.sim.getState().status;
    const run: RunState = { status: status === 'running' ? 'running' : 'paused', epoch: teacherEpoch, t: stores.sim.live.t };
    return { network: JSON.stringify(doc), lesson: course.lesson, step: course.step, exposed: course.flags.expose, run };
  }

  function publish(): void {
    if (!connection || state.getState().role !== 'teacher') return;
    const values = teacherValues();
    connection.transact((doc) => {
      const map = classMap(doc);
      for (const [key, value] of Object.entries(values)) {
        if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
      }
      if (values.network !== networkText) {
        networkText = values.network as string;
        map.set('version', ((map.get('version') as number | undefined) ?? 0) + 1);
      }
      if (!map.has('gather')) map.set('gather', 0);
    });
  }

  function startTeacher(doc: Y.Doc): void {
    const map = classMap(doc);
    const run = runStateSchema.safeParse(map.get('run'));
    teacherEpoch = run.success ? run.data.epoch : 0;
    // A teacher coming back finds the room's network; a new room takes the open one.
    if (typeof map.get('network') === 'string') applyNetwork(map.get('network') as string);
    publish();
  }

  function watchTeacher(): void {
    const later = () => schedule(publish, PUBLISH_MS);
    const sim = stores.sim;
    const originalReset = sim.getState().reset;
    sim.setState({
      reset: async (seed?: number) => {
        await originalReset(seed);
        teacherEpoch++;
        later();
      },
    });
    let runSyncAt = 0;
    unsubscribe.push(
      // A Reset, a Step, the batch a Pause waited for, and about every second while running.
      sim.live.subscribe((event) => {
        if (event === 'structure') return;
        const running = sim.getState().status === 'running';
        if (running && performance.now() - runSyncAt < RUN_SYNC_MS) return;
        runSyncAt = performance.now();
        later();
      }),
      stores.docs.subscribe((s, prev) => s.doc !== prev.doc && later()),
      stores.course.subscribe((s, prev) => (s.lesson !== prev.lesson || s.step !== prev.step || s.flags.expose !== prev.flags.expose) && later()),
      sim.subscribe((s, prev) => s.status !== prev.status && later()),
      () => sim.setState({ reset: originalReset }),
    );
  }

  // ---------- student ----------

  function applyNetwork(text: string): void {
    if (text === networkText) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const result = validateDocument(raw);
    if (!result.ok) return;
    networkText = text;
    const docs = stores.docs.getState();
    // Neither this lock nor a classroom link's lock=1 stands in the teacher's way.
    if (sameStructure(docs.doc, result.doc)) stores.lock.unlocked(() => followLock.unlocked(() => docs.commit(result.doc, { label: 'The teacher’s change', undo: 'never' })));
    else docs.load(result.doc);
  }

  function applyRoom(doc: Y.Doc): void {
    const map = classMap(doc);
    const gather = map.get('gather');
    if (typeof gather === 'number') {
      if (seenGather !== null && gather > seenGather && !state.getState().following) follow();
      seenGather = gather;
    }
    if (!state.getState().following) return;
    const network = map.get('network');
    if (typeof network === 'string') applyNetwork(network);
    const course = stores.course.getState();
    const lesson = map.get('lesson');
    const step = map.get('step');
    if (lesson !== undefined && (lesson !== course.lesson || step !== course.step)) {
      if (typeof lesson === 'string') course.showLesson(lesson, typeof step === 'number' ? step : null);
      else if (course.lesson !== null) course.showLesson(null);
    }
    const parsed = teacherFields.exposed.safeParse(map.get('exposed'));
    // a room opened before format 2 may name a weight option inside the weight
    const exposed = parsed.success ? parsed.data.map((spec) => ({ ...spec, ref: currentRef(spec.ref) })) : null;
    if (exposed && JSON.stringify(exposed) !== JSON.stringify(course.flags.expose)) {
      course.setFlags({ ...course.flags, expose: exposed }, course.flagProblems);
      if (exposed.length > 0) course.setDrawerOpen(true);
    }
    const run = runStateSchema.safeParse(map.get('run'));
    if (run.success && JSON.stringify(run.data) !== seenRun) {
      seenRun = JSON.stringify(run.data);
      nextRun = run.data;
      if (!applyingRun) void applyRuns();
    }
  }

  /** Applies the room's run states one after the other (only the latest of those waiting). */
  async function applyRuns(): Promise<void> {
    applyingRun = true;
    try {
      while (nextRun) {
        const run = nextRun;
        nextRun = null;
        await applyRun(run);
      }
    } finally {
      applyingRun = false;
    }
  }

  /** Brings this engine to step `t` of the run: forward, or from a reset when it is past it. */
  async function seek(t: number): Promise<void> {
    const { live } = stores.sim;
    if (live.t > t) await stores.sim.getState().reset();
    const gap = t - live.t;
    if (gap > 0 && gap <= MAX_CATCH_UP) await stores.sim.getState().step(gap);
  }

  async function applyRun(run: RunState): Promise<void> {
    const sim = () => stores.sim.getState();
    const joining = appliedEpoch === null;
    if (!joining && run.epoch !== appliedEpoch) await sim().reset();
    appliedEpoch = run.epoch;
    if (run.status === 'paused') {
      if (sim().status === 'running') await sim().pause();
      if (run.t !== undefined) await seek(run.t);
    } else {
      // Joining a running class: first to the teacher's step, then run along.
      if (joining && run.t !== undefined && sim().status !== 'running') await seek(run.t);
      if (sim().status !== 'running') await sim().start();
    }
  }

  // ---------- records (students) ----------

  function ownRecord(): StudentRecord {
    const { tasks, course, lessonMeasurements, docs } = stores;
    const version = state.getState().following && connection ? ((classMap(connection.doc).get('version') as number | undefined) ?? null) : null;
    const now = Date.now();
    const results: StudentResult[] = [];
    const t = tasks.getState();
    if (t.train) {
      const r = trainResult(t.train.reply, t.train.doc, version, now);
      if (r) results.push(r);
    }
    if (t.memoryCapacity) {
      const r = memoryCapacityResult(t.memoryCapacity.reply, t.memoryCapacity.doc, version, now);
      if (r) results.push(r);
    }
    const ais = Object.entries(lessonMeasurements.getState().byKey).find(([key, list]) => key.startsWith('ais(') && list.length > 0);
    if (ais) {
      const last = ais[1][ais[1].length - 1];
      const [, probe = '', estimator = ''] = /^ais\(([^)]*)\) (\S+)/.exec(ais[0]) ?? [];
      const k = Number(/ k=(\d+)/.exec(ais[0])?.[1] ?? 1);
      results.push(aisResult({ probe, estimator, k }, last.value, (last.doc as GraphDocument) ?? docs.getState().doc, version, now));
    }
    const ticks = Object.fromEntries(
      Object.entries(course.getState().done)
        .filter(([, steps]) => steps.length > 0)
        .slice(0, 50)
        .map(([lesson, steps]) => [lesson, [...steps]]),
    );
    return { name: state.getState().name, following: state.getState().following, ticks, results };
  }

  function writeRecord(): void {
    if (!connection || state.getState().role !== 'student' || !state.getState().name) return;
    const parsed = studentRecordSchema.safeParse(ownRecord());
    if (!parsed.success) return;
    // Values the time stamps alone changed are not sent again.
    const stripped = JSON.stringify(parsed.data, (k, v) => (k === 'at' ? undefined : v));
    if (stripped === sentRecord) return;
    sentRecord = stripped;
    const message: RecordMessage = { record: parsed.data };
    connection.send(JSON.stringify(message));
  }

  function watchStudent(): void {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(writeRecord, 200);
    };
    unsubscribe.push(
      stores.tasks.subscribe((s, prev) => (s.train !== prev.train || s.memoryCapacity !== prev.memoryCapacity) && later()),
      stores.course.subscribe((s, prev) => s.done !== prev.done && later()),
      stores.lessonMeasurements.subscribe(later),
      state.subscribe((s, prev) => (s.following !== prev.following || s.name !== prev.name) && later()),
      () => pending && clearTimeout(pending),
    );
  }

  // ---------- both ----------

  function readRoom(doc: Y.Doc): void {
    const online = [...new Set([...doc.getMap<{ role: string; id?: string }>(ROOM_MAPS.online).values()].filter((v) => v?.role === 'student' && v.id).map((v) => v.id!))];
    state.getState().set({ online, studentsOnline: online.length });
    if (state.getState().role === 'student') applyRoom(doc);
  }

  function readRecords(doc: Y.Doc): void {
    const records: Record<string, StudentRecord> = {};
    for (const [id, value] of doc.getMap(ROOM_MAPS.students)) {
      const parsed = studentRecordSchema.safeParse(value);
      if (parsed.success) records[id] = parsed.data;
    }
    state.getState().set({ records });
  }

  /** The teacher's second connection: the records document, read only. */
  function watchRecords(link: RoomLink, token: JoinToken): void {
    let observed: Y.Doc | null = null;
    const onUpdate = () => observed && readRecords(observed);
    recordsConnection = connectRoom(link.server, recordsDocName(link.room), token, {
      attached(doc) {
        observed?.off('update', onUpdate);
        observed = doc;
        doc.on('update', onUpdate);
      },
      synced: (doc) => doc === observed && readRecords(doc),
      connected: () => {},
      refusedToJoin: (reason) => state.getState().set({ problem: `The classroom server refused to show the class's results: ${reason}` }),
      refusedChange: () => {},
    });
    unsubscribe.push(() => observed?.off('update', onUpdate));
  }

  function join(link: RoomLink): void {
    leave();
    const role = link.key ? 'teacher' : 'student';
    const me = studentIdentity();
    const token: JoinToken = link.key ? { role: 'teacher', key: link.key } : { role: 'student', id: me.id, secret: me.secret };
    if (link.key) rememberTeacherKey(link.room, link.key);
    state.getState().set({ room: link.room, role, server: link.server, following: role === 'student', name: me.name, problem: null, everConnected: false });
    followLock.setLocked(role === 'student');
    if (role === 'teacher') watchTeacher();
    else watchStudent();
    let observed: Y.Doc | null = null;
    const onUpdate = () => observed && readRoom(observed);
    connection = connectRoom(link.server, link.room, token, {
      attached(doc) {
        observed?.off('update', onUpdate);
        observed = doc;
        doc.on('update', onUpdate);
      },
      synced(doc) {
        if (doc !== observed) return;
        if (role === 'teacher') startTeacher(doc);
        readRoom(doc);
        if (role === 'student') {
          // A new connection: the server may have missed what was sent while offline.
          sentRecord = null;
          writeRecord();
        }
      },
      connected(connected) {
        state.getState().set(connected ? { connected, everConnected: true } : { connected });
      },
      refusedToJoin(reason) {
        state.getState().set({ problem: `The classroom server refused to let you join: ${reason}`, following: false });
        followLock.setLocked(false);
      },
      refusedChange(reason) {
        networkText = null;
        state.getState().set({ problem: `The classroom server refused a change: ${reason}` });
      },
    });
    unsubscribe.push(() => observed?.off('update', onUpdate));
    if (role === 'teacher') watchRecords(link, token);
  }

  function leave(): void {
    for (const f of unsubscribe) f();
    unsubscribe = [];
    connection?.destroy();
    connection = null;
    recordsConnection?.destroy();
    recordsConnection = null;
    sentRecord = null;
    followLock.setLocked(false);
    networkText = null;
    appliedEpoch = null;
    seenRun = null;
    nextRun = null;
    seenGather = null;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function follow(): void {
    if (state.getState().role !== 'student') return;
    state.getState().set({ following: true });
    followLock.setLocked(true);
    networkText = null;
    appliedEpoch = null;
    seenRun = null;
    if (connection) applyRoom(connection.doc);
  }

  function explore(): void {
    if (state.getState().role !== 'student') return;
    state.getState().set({ following: false });
    followLock.setLocked(false);
  }

  return {
    state,
    join,
    async start(server) {
      let res: Response;
      try {
        res = await fetch(`${httpOf(server)}/rooms`, { method: 'POST' });
      } catch {
        throw new Error(`no classroom server answers at ${server} (start one with "npm run classroom")`);
      }
      const body = (await res.json().catch(() => ({}))) as { room?: string; key?: string; error?: string };
      if (res.status !== 201 || !body.room || !body.key) throw new Error(`the classroom server refused to start a class: ${body.error ?? res.status}`);
      rememberTeacherKey(body.room, body.key);
      join({ room: body.room, key: body.key, server });
      // A reload of this page is the teacher's link.
      const params = new URLSearchParams(window.location.search);
      params.set('room', body.room);
      params.set('key', body.key);
      window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params}${window.location.hash}`);
      state.getState().set({ startedKey: body.key });
      return { room: body.room, key: body.key };
    },
    follow,
    explore,
    gather() {
      if (!connection || state.getState().role !== 'teacher') return;
      connection.transact((doc) => classMap(doc).set('gather', ((classMap(doc).get('gather') as number | undefined) ?? 0) + 1));
    },
    setName(name) {
      const clean = name.trim().slice(0, 40);
      saveStudentName(clean);
      state.getState().set({ name: clean });
    },
    leave,
  };
}

/** "Start a class" on the server the page's link names (`server=`), else port 1234 of its host. */
export function startClassFromPage(classroom: LiveClassroom, location: Pick<Location, 'search' | 'hostname' | 'protocol'> = window.location): Promise<{ room: string; key: string }> {
  const server = serverUrl(new URLSearchParams(location.search), location);
  if (typeof server !== 'string') return Promise.reject(new Error(server.error));
  return classroom.start(server);
}

/**
 * Joins the room whose code a student typed, on the page's server; the page's address becomes
 * the room's link. A code that cannot be one is refused with a message.
 */
export function joinTypedCode(classroom: LiveClassroom, typed: string, location: Pick<Location, 'search' | 'hostname' | 'protocol' | 'pathname' | 'hash'> = window.location): string | null {
  const room = normaliseRoomCode(typed);
  if (!room) return 'a room code is six letters and digits (e.g. K7MQ2P)';
  const params = new URLSearchParams(location.search);
  const server = serverUrl(params, location);
  if (typeof server !== 'string') return server.error;
  classroom.join({ room, key: teacherKeyFor(room), server });
  params.set('room', room);
  window.history.replaceState(window.history.state, '', `${location.pathname}?${params}${location.hash}`);
  return null;
}

/**
 * Joins the room the page's link names, if any: `?room=CODE` as a student, with `&key=KEY` (or
 * the key this browser kept when it started the class) as the teacher.
 */
export function joinFromLink(classroom: LiveClassroom, location: Pick<Location, 'search' | 'hostname' | 'protocol'> = window.location): void {
  const link = parseRoomLink(location.search, location);
  if (link === null) return;
  if ('error' in link) return classroom.state.getState().set({ problem: link.error });
  classroom.join({ ...link, key: link.key ?? teacherKeyFor(link.room) });
}
