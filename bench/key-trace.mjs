// Where a key press's time goes inside opsdeck: loaded with
//   OPSDECK_KEY_TRACE=/tmp/keys.trace NODE_OPTIONS="--import $PWD/bench/key-trace.mjs" node bench/run.mjs --only flood
// it logs, in the opsdeck process only, each time stdin becomes readable and each write to the
// terminal (marking the help screen's "Keys" and the table's "CONTAINER"), each with the main
// thread's CPU time and run-queue wait so far (/proc/self/task/<pid>/schedstat, Linux). Times are
// wall-clock ms, so that they line up with bench/pty-drive.py's PTY_TRACE file of the same run.
// bench/key-trace-summary.mjs turns the file(s) into per-key figures.
import { appendFileSync, readFileSync } from 'node:fs';

const file = process.env.OPSDECK_KEY_TRACE;
if (file && process.argv[1]?.endsWith('dist/opsdeck.js')) {
  const pending = [];
  const flush = () => appendFileSync(file, pending.splice(0).join(''));
  const sched = () => readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').slice(0, 2).map((ns) => (Number(ns) / 1e6).toFixed(2));
  const log = (what) => {
    pending.push(`${(performance.timeOrigin + performance.now()).toFixed(2)} ${sched().join(' ')} ${what}\n`);
    if (pending.length >= 50) flush();
  };
  const emit = process.stdin.emit;
  process.stdin.emit = function (event, ...args) {
    if (event === 'readable') log('key');
    return emit.call(this, event, ...args);
  };
  const write = process.stdout.write;
  process.stdout.write = function (chunk, ...args) {
    const text = String(chunk);
    log(`write ${text.length}${text.includes('Keys') ? ' Keys' : ''}${text.includes('CONTAINER') ? ' CONTAINER' : ''}`);
    return write.call(this, chunk, ...args);
  };
  process.on('exit', flush);
}
