/**
 * The classroom server as the live-classroom spec starts it: `npm run classroom`'s program in a
 * child process on a free port of 127.0.0.1, with a temporary database; it can be killed
 * (SIGKILL) and started again on the same port and database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ClassroomServerProcess {
  /** `ws://127.0.0.1:PORT` */
  url: string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function launch(port: number, db: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CLASSROOM_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr!.resume();
    child.once('exit', (code) => reject(new Error(`the classroom server exited (${code}): ${out}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

export async function startClassroomServerProcess(): Promise<ClassroomServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'classroom-e2e-'));
  const db = join(dir, 'classroom.db');
  let current = launch(0, db);
  const url = await current.ready;
  const port = Number(new URL(url).port);
  return {
    url,
    async kill() {
      current.child.kill('SIGKILL');
      await exited(current.child);
    },
    async restart() {
      current = launch(port, db);
      await current.ready;
    },
    async stop() {
      current.child.kill('SIGTERM');
      await exited(current.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
