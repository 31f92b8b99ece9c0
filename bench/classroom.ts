/**
 * `npm run bench -- --only classroom`: how long the teacher's change takes to reach every
 * student through the classroom server (in this process, on a free port), with 30 students
 * connected. Each round the teacher writes either the whole network (the JSON of the
 * esn-memory-capacity preset with a new leak, what a slider drag sends) or, as the baseline of
 * the same run, only the version number; the latency is until the last student has it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import preset from '../presets/esn-memory-capacity.json';
import { ROOM_MAPS } from '../src/model/room.ts';
import { startClassroomServer } from '../server/classroomServer.ts';
import { createRoom, joinRoom, studentToken, waitFor, type TestClient } from '../server/testClient.ts';
import { printTable } from './timing.ts';

const STUDENTS = 30;
const ROUNDS = 60;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function benchClassroom({ json }: { json: boolean }): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'classroom-bench-'));
  const server = await startClassroomServer({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'rooms.db'), log: () => {} });
  const clients: TestClient[] = [];
  try {
    const { room, key } = await createRoom(server.url);
    const teacher = joinRoom(server.url, room, { role: 'teacher', key });
    clients.push(teacher);
    await teacher.synced;
    const students = Array.from({ length: STUDENTS }, () => joinRoom(server.url, room, studentToken()));
    clients.push(...students);
    await Promise.all(students.map((s) => s.synced));
    const map = teacher.doc.getMap(ROOM_MAPS.teacher);
    let version = 0;

    async function round(withNetwork: boolean): Promise<number> {
      version++;
      const t0 = performance.now();
      teacher.doc.transact(() => {
        if (withNetwork) map.set('network', JSON.stringify({ ...preset, nodes: preset.nodes.map((n) => (n.id === 'res' ? { ...n, params: { ...n.params, leak: 0.1 + (version % 90) / 100 } } : n)) }));
        map.set('version', version);
      });
      await Promise.all(students.map((s) => waitFor(s.doc, () => s.doc.getMap(ROOM_MAPS.teacher).get('version') === version, 10_000)));
      return performance.now() - t0;
    }

    const network: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      baseline.push(await round(false));
      network.push(await round(true));
      // About 10 changes a second, as a slider drag sends (the server allows 50).
      await new Promise((r) => setTimeout(r, 100));
    }
    const row = (name: string, xs: number[]) => [name, quantile(xs, 0.5).toFixed(1), quantile(xs, 0.95).toFixed(1), Math.max(...xs).toFixed(1)];
    const result = {
      students: STUDENTS,
      rounds: ROUNDS,
      networkBytes: JSON.stringify(preset).length,
      networkMs: { p50: quantile(network, 0.5), p95: quantile(network, 0.95), max: Math.max(...network) },
      versionOnlyMs: { p50: quantile(baseline, 0.5), p95: quantile(baseline, 0.95), max: Math.max(...baseline) },
      ratioP50: quantile(network, 0.5) / quantile(baseline, 0.5),
    };
    if (!json) {
      printTable(`classroom: teacher → all ${STUDENTS} students (ms, ${ROUNDS} rounds; load ${(await import('node:os')).loadavg()[0].toFixed(1)})`, ['change', 'p50', 'p95', 'max'], [
        row(`network (${result.networkBytes} bytes of JSON)`, network),
        row('version number only (baseline)', baseline),
      ]);
      console.log(`network / baseline at p50: ${result.ratioP50.toFixed(2)}×`);
    }
    return result;
  } finally {
    for (const c of clients) c.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
