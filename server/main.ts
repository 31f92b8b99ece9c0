/**
 * `npm run classroom`: starts the classroom server.
 *
 * Environment: `PORT` (default 1234), `HOST` (address to listen on, default 0.0.0.0: every
 * interface, so students on the same network can reach it), `CLASSROOM_DB` (SQLite file of the
 * rooms, default `classroom.db`). Bad values exit with a one-line reason.
 */
import { startClassroomServer } from './classroomServer.ts';

function fail(message: string): never {
  console.error(`classroom: ${message}`);
  process.exit(1);
}

const rawPort = process.env.PORT ?? '1234';
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535) fail(`PORT must be a port number 1–65535 (0: any free port), got "${rawPort}"`);
const host = process.env.HOST || '0.0.0.0';
const dbPath = process.env.CLASSROOM_DB || 'classroom.db';

try {
  const server = await startClassroomServer({ port, host, dbPath });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  fail(e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT to another)` : e.message);
}
