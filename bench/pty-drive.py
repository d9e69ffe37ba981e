#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal and answers timing questions about it from outside.

Used by bench/suite.ts (node-pty is not installed here). The bench writes one JSON command per
line to stdin and reads one JSON reply per line from stdout:

  {"op": "expect_all", "strings": [...], "timeout": ms}   all strings seen in the output since start
  {"op": "key", "data": "?", "expect": "Keys", "timeout": ms}
                                                          write a key, time until `expect` appears in
                                                          what the program writes after it (with
                                                          PTY_TRACE=file, each key's wall-clock ms
                                                          sent and seen go to that file)
  {"op": "stats"}                                         bytes and chunks written to the terminal so far
  {"op": "close", "data": "q", "timeout": ms}             send a key, wait for exit (then SIGKILL)

Every reply carries "ms" since just before fork. Output is drained as fast as it comes, like a
terminal would, and counted.
   python3 bench/pty-drive.py COLS ROWS -- command args...
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

cols, rows = int(sys.argv[1]), int(sys.argv[2])
cmd = sys.argv[sys.argv.index('--') + 1:]

t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(cmd[0], cmd)

def now_ms():
    return (time.monotonic() - t0) * 1000

def reply(obj):
    obj['ms'] = now_ms()
    sys.stdout.write(json.dumps(obj) + '\n')
    sys.stdout.flush()

total = 0
chunks = 0
since_start = bytearray()      # kept until expect_all is answered (start-up only)
keep_start = True
window = bytearray()           # output since the last key
exited = None

def pump(timeout):
    """Reads what is there (waiting up to `timeout` s); returns the new bytes."""
    global total, chunks, exited
    got = bytearray()
    r, _, _ = select.select([fd], [], [], timeout)
    while r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            if exited is None:
                _, status = os.waitpid(pid, 0)
                exited = os.waitstatus_to_exitcode(status)
            break
        total += len(data)
        chunks += 1
        got += data
        r, _, _ = select.select([fd], [], [], 0)
    return bytes(got)

def absorb(data):
    global since_start, window
    if keep_start:
        since_start += data
    window += data
    if len(window) > (8 << 20):
        del window[: len(window) - (1 << 20)]

trace = open(os.environ['PTY_TRACE'], 'a') if os.environ.get('PTY_TRACE') else None
reply({'op': 'started', 'pid': pid})
stdin = sys.stdin.buffer
pending_cmd = b''
while True:
    r, _, _ = select.select([fd, stdin], [], [], 1.0)
    if fd in r and exited is None:
        absorb(pump(0))
    if stdin not in r:
        continue
    line = stdin.readline()
    if not line:
        break
    req = json.loads(line)
    op = req['op']
    deadline = time.monotonic() + req.get('timeout', 10000) / 1000
    if op == 'expect_all':
        want = [s.encode() for s in req['strings']]
        seen_at = None
        while time.monotonic() < deadline and exited is None:
            if all(w in since_start for w in want):
                seen_at = now_ms()
                break
            absorb(pump(0.002))
        if seen_at is None and all(w in since_start for w in want):
            seen_at = now_ms()
        missing = [w.decode() for w in want if w not in since_start]
        keep_start = False
        since_start = bytearray()
        reply({'op': op, 'ok': seen_at is not None, 'at': seen_at, 'missing': missing[:5], 'bytes': total})
    elif op == 'key':
        absorb(pump(0))
        window = bytearray()
        want = req['expect'].encode()
        sent = now_ms()
        sent_epoch = time.time() * 1000
        os.write(fd, req['data'].encode())
        seen = None
        while time.monotonic() < deadline and exited is None:
            absorb(pump(0.001))
            if want in window:
                seen = now_ms()
                break
        if trace:
            trace.write(f'{sent_epoch:.2f} {time.time() * 1000:.2f}\n')
            trace.flush()
        reply({'op': op, 'ok': seen is not None, 'latency': None if seen is None else seen - sent})
    elif op == 'stats':
        absorb(pump(0))
        reply({'op': op, 'bytes': total, 'chunks': chunks, 'exited': exited})
    elif op == 'close':
        sent_at = now_ms()
        if exited is None:
            try:
                os.write(fd, req.get('data', 'q').encode())
            except OSError:
                pass
        while time.monotonic() < deadline and exited is None:
            absorb(pump(0.05))
        quit_ms = now_ms() if exited is not None else None
        if exited is None:
            os.kill(pid, signal.SIGTERM)
            term_deadline = time.monotonic() + 5
            while time.monotonic() < term_deadline and exited is None:
                absorb(pump(0.05))
            if exited is not None:
                reply({'op': op, 'exit': exited, 'killed': 'SIGTERM', 'bytes': total})
                break
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            exited = os.waitstatus_to_exitcode(status)
            reply({'op': op, 'exit': exited, 'killed': True, 'bytes': total})
        else:
            reply({'op': op, 'exit': exited, 'killed': False, 'bytes': total, 'quitMs': None if quit_ms is None else quit_ms - sent_at})
        break
if exited is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
