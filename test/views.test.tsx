import React from 'react';
import chalk from 'chalk';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../views/App';
import { ContainersPane } from '../views/ContainersPane';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { makeLine } from '../src/logs/line';
import { stripSgr } from '../src/text/sanitize';
import { serviceColor, SGR_FOREGROUND } from '../views/theme';
import { LogsPane } from '../views/LogsPane';
import { renderSized, KEYS } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';

const stack = () => [
  instance({ service: 'api', health: 'healthy', ports: ['8000/tcp'] }),
  instance({ service: 'consumer', state: 'exited', exitCode: 137, startedAt: undefined }),
  instance({ service: 'mlflow', health: 'unhealthy', restarts: 3 }),
  instance({ project: 'other', service: 'db' }),
];

function app(cockpit: Cockpit, columns = 80, rows = 24) {
  return renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, columns, rows);
}

/** Runs `check` as on a colour terminal and again with NO_COLOR (vitest's stdout is no terminal). */
function withAndWithoutColour(check: (env: NodeJS.ProcessEnv) => void) {
  const level = chalk.level;
  chalk.level = 1;
  try {
    for (const env of [{ LANG: 'en_US.UTF-8' }, { LANG: 'en_US.UTF-8', NO_COLOR: '1' }]) check(env);
  } finally {
    chalk.level = level;
  }
}

let seq = 0;
function addLines(cockpit: Cockpit, lines: [string, string, ('stdout' | 'stderr')?][]) {
  cockpit.feed.push(lines.map(([service, text, stream]) => makeLine({ seq: ++seq, ts: seq * 1000, service, container: `${service}-1`, stream: stream ?? 'stdout', text, truncatedBytes: 0 })));
  cockpit.feed.flush();
}

describe('containers pane (ink-testing-library)', () => {
  it('groups containers by compose project with state, health, restarts and ports', () => {
    const cockpit = cockpitWith(stack());
    const { lastFrame } = render(<CockpitContext.Provider value={cockpit}><ContainersPane width={100} height={10} focused selectedId="ml-api-id" filter="" /></CockpitContext.Provider>);
    const frame = stripSgr(lastFrame() ?? '');
    expect(frame).toContain('Containers');
    expect(frame).toContain('3/4 running');
    expect(frame).toMatch(/▾ ml \(3\)/);
    expect(frame).toMatch(/▾ other \(1\)/);
    expect(frame).toMatch(/› api\s+ml-api-1\s+running\s+healthy\s+65s/);
    expect(frame).toMatch(/consumer\s+ml-consumer-1\s+exited\(137\)/);
    expect(frame).toMatch(/mlflow\s+ml-mlflow-1\s+running\s+unhealthy\s+\S+\s+3/);
    expect(frame).toContain('8000/tcp');
  });

  it('colours state, health and restarts, shows the selected row in reverse video, and no colour with NO_COLOR', () => {
    withAndWithoutColour((env) => {
      const cockpit = cockpitWith(stack(), { env });
      const { lastFrame, unmount } = render(<CockpitContext.Provider value={cockpit}><ContainersPane width={100} height={10} focused selectedId="ml-api-id" filter="" /></CockpitContext.Provider>);
      const rows = (lastFrame() ?? '').split('\n');
      const row = (service: string) => rows.find((r) => stripSgr(r).includes(` ${service} `)) ?? '';
      expect(row('api')).toMatch(/\x1b\[7m› api .*\x1b\[27m/);
      expect(row('consumer')).not.toContain('\x1b[7m');
      if (env.NO_COLOR) {
        expect(rows.join('\n')).not.toMatch(/\x1b\[(3\d|9\d)m/);
      } else {
        expect(row('api')).toMatch(/\x1b\[32m running\s+healthy/);
        expect(row('consumer')).toContain('\x1b[31m exited(137)');
        expect(row('mlflow')).toContain('\x1b[31m unhealthy');
        expect(row('mlflow')).toMatch(/\x1b\[33m\s+3\x1b\[39m/);
      }
      unmount();
    });
  });

  it('shows uptime as kubectl and k9s show AGE: seconds only for the first minutes', () => {
    const ago = (ms: number) => Date.now() - ms;
    const cockpit = cockpitWith([
      instance({ service: 'young', startedAt: ago(65_000) }),
      instance({ service: 'settling', startedAt: ago(330_000) }),
      instance({ service: 'hours', startedAt: ago(125 * 60_000 + 20_000) }),
      instance({ service: 'shift', startedAt: ago(330 * 60_000) }),
      instance({ service: 'days', startedAt: ago((76 * 60 + 30) * 60_000) }),
    ]);
    const { lastFrame } = render(<CockpitContext.Provider value={cockpit}><ContainersPane width={120} height={10} focused filter="" /></CockpitContext.Provider>);
    const frame = stripSgr(lastFrame() ?? '');
    expect(frame).toMatch(/young\s+\S+\s+running\s+-\s+65s\s/);
    expect(frame).toMatch(/settling\s+\S+\s+running\s+-\s+5m30s\s/);
    expect(frame).toMatch(/hours\s+\S+\s+running\s+-\s+125m\s/);
    expect(frame).toMatch(/shift\s+\S+\s+running\s+-\s+5h30m\s/);
    expect(frame).toMatch(/days\s+\S+\s+running\s+-\s+3d4h\s/);
  });

  it('says when Docker is unreachable, with the error and when it retries', () => {
    const cockpit = cockpitWith([]);
    cockpit.state.set((s) => ({ ...s, docker: { host: 'unix:///gone.sock', status: 'down', error: 'cannot connect to Docker at /gone.sock: no such socket', retryAt: Date.now() + 4000 } }));
    const { lastFrame } = render(<CockpitContext.Provider value={cockpit}><ContainersPane width={100} height={10} focused filter="" /></CockpitContext.Provider>);
    const frame = stripSgr(lastFrame() ?? '');
    expect(frame).toContain('Docker unreachable');
    expect(frame).toContain('no such socket');
    expect(frame).toMatch(/Retrying in [34]s/);
  });
});

describe('the cockpit screen', () => {
  it('fits 80x24: header, both panes and key hints, narrow columns dropped first', async () => {
    const cockpit = cockpitWith(stack());
    const view = app(cockpit);
    const frame = await view.waitForFrame((f) => f.includes('api'), 'rows');
    const lines = frame.split('\n');
    expect(lines).toHaveLength(24);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^opsdeck\s+docker 20\.10/);
    expect(frame).toMatch(/SERVICE\s+CONTAINER\s+STATE\s+HEALTH/);
    expect(frame).not.toContain('PORTS');
    expect(lines[23]).toMatch(/<\?> help/);
    view.unmount();
  });

  it('shows more columns on a wide terminal', async () => {
    const view = app(cockpitWith(stack()), 200, 50);
    const frame = await view.waitForFrame((f) => f.includes('api'), 'rows');
    expect(frame).toMatch(/SERVICE\s+CONTAINER\s+STATE\s+HEALTH\s+UPTIME\s+RST\s+CPU\s+MEM\s+PORTS/);
    expect(frame.split('\n')).toHaveLength(50);
    view.unmount();
  });

  it('moves the selection with j/k and opens the help from the key table', async () => {
    const view = app(cockpitWith(stack()));
    await view.waitForFrame((f) => f.includes('› api'), 'api selected');
    await view.press('jj');
    await view.waitForFrame((f) => f.includes('› mlflow'), 'mlflow selected');
    await view.press('?');
    const help = await view.waitForFrame((f) => f.includes('Keys'), 'help');
    expect(help).toMatch(/\?\s+show or hide this help/);
    await view.press('jjjjjjjjjj');
    await view.waitForFrame((f) => /r\s+restart the container/.test(f), 'help scrolled to the actions');
    await view.press(KEYS.escape);
    await view.waitForFrame((f) => !f.includes('Keys —'), 'help closed');
    view.unmount();
  });

  it('closes the help with q, as the other full-screen views close, and goes on running', async () => {
    const view = app(cockpitWith(stack()));
    await view.waitForFrame((f) => f.includes('› api'), 'api selected');
    await view.press('?');
    expect(await view.waitForFrame((f) => f.includes('Keys'), 'help')).toContain('?, q or esc closes');
    await view.press('q');
    await view.waitForFrame((f) => !f.includes('Keys —') && f.includes('› api'), 'help closed');
    await view.press('j');
    await view.waitForFrame((f) => f.includes('› consumer'), 'keys still move the selection');
    view.unmount();
  });

  it('takes keys typed ahead in one chunk one by one, Enter included: j⏎ moves and opens details, tab/re⏎ applies a filter', async () => {
    const cockpit = cockpitWith(stack());
    addLines(cockpit, [['api', 'GET /health 200'], ['api', 'GET /predict 200']]);
    const view = app(cockpit);
    await view.waitForFrame((f) => f.includes('› api') && f.includes('GET /predict'), 'api selected');
    await view.press('j\r');
    await view.waitForFrame((f) => f.includes('Details —'), 'details opened');
    await view.press(KEYS.escape);
    await view.waitForFrame((f) => f.includes('› consumer'), 'back, consumer selected');
    await view.press(`${KEYS.tab}/predict\r`);
    const filtered = await view.waitForFrame((f) => f.includes('Logs · /predict/') && !f.includes('GET /health'), 'filter applied');
    expect(filtered).not.toContain('/ logs (regex');
    view.unmount();
  });

  it('what changed while the help covered the screen is on the panes when it closes, selection kept', async () => {
    const cockpit = cockpitWith(stack());
    const view = app(cockpit);
    await view.waitForFrame((f) => f.includes('› api'), 'api selected');
    await view.press('j');
    await view.waitForFrame((f) => f.includes('› consumer'), 'consumer selected');
    await view.press('?');
    await view.waitForFrame((f) => f.includes('Keys'), 'help');
    cockpit.state.set((s) => ({ ...s, instances: s.instances.map((i) => (i.service === 'mlflow' ? { ...i, state: 'exited', exitCode: 1 } : i)) }));
    addLines(cockpit, [['api', 'written while the help was open']]);
    await new Promise((r) => setTimeout(r, 100));
    expect(view.frame()).toContain('Keys');
    await view.press('?');
    const back = await view.waitForFrame((f) => /mlflow\s+\S+\s+exited\(1\)/.test(f) && f.includes('written while the help was open'), 'panes with the new state');
    expect(back).toContain('› consumer');
    view.unmount();
  });

  it('read-only mode removes actions from keys and help', async () => {
    const view = app(cockpitWith(stack(), { readOnly: true }), 200, 50);
    await view.press('?');
    const help = await view.waitForFrame((f) => f.includes('Keys'), 'help');
    expect(help).toContain('read-only');
    expect(help).not.toMatch(/restart the container/);
    expect(help).not.toMatch(/shell in the container/);
    await view.press(KEYS.escape);
    await view.waitForFrame((f) => !f.includes('Keys —'), 'help closed');
    await view.press('r');
    expect(view.frame()).not.toContain('Confirm');
    view.unmount();
  });

  it('asks before a restart and says exactly what will happen; n cancels', async () => {
    const view = app(cockpitWith(stack()));
    await view.waitForFrame((f) => f.includes('› api'), 'api');
    await view.press('r');
    const frame = await view.waitForFrame((f) => f.includes('Confirm'), 'confirm');
    expect(frame.replace(/[\s│]+/g, ' ')).toMatch(/Restart ml-api-1 \(service api, project ml\)\? Docker sends SIGTERM, waits up to 10 s/);
    await view.press('n');
    await view.waitForFrame((f) => !f.includes('Confirm'), 'dialog closed');
    view.unmount();
  });

  it('merges logs with service prefixes, marks stderr, filters by regex and reports a bad one', async () => {
    const cockpit = cockpitWith(stack());
    addLines(cockpit, [['api', 'GET /health 200'], ['mlflow', 'ERROR registry down', 'stderr'], ['api', 'GET /predict 200']]);
    const view = app(cockpit);
    let frame = await view.waitForFrame((f) => f.includes('GET /predict'), 'logs');
    expect(frame).toMatch(/api\s+│GET \/health 200/);
    expect(frame).toMatch(/mlflow !│ERROR registry down/);
    await view.press(KEYS.tab);
    await view.press('/');
    await view.press('predict');
    frame = await view.waitForFrame((f) => f.includes('Logs · /predict/'), 'filtered');
    expect(frame).not.toContain('GET /health');
    await view.press('(');
    frame = await view.waitForFrame((f) => f.includes('bad regex'), 'regex error');
    expect(frame).toContain('GET /predict');
    await view.press(KEYS.escape);
    frame = await view.waitForFrame((f) => f.includes('GET /health'), 'filter restored');
    view.unmount();
  });

  it('wraps long lines at the column with w: every line whole, only the oldest cut at its top', async () => {
    for (const rows of [24, 25]) {
      const cockpit = cockpitWith(stack());
      addLines(cockpit, Array.from({ length: 12 }, (_, n): [string, string] => ['api', `line${n} ${'x'.repeat(150)} end${n}`]));
      const view = app(cockpit, 80, rows);
      await view.waitForFrame((f) => f.includes('line11 '), 'newest line');
      await view.press(KEYS.tab);
      await view.press('w');
      const frame = await view.waitForFrame((f) => f.includes('line11 xxx'), `wrapped at 80x${rows}`);
      const shown = Array.from({ length: 12 }, (_, n) => n).filter((n) => new RegExp(`end${n}\\b`).test(frame));
      expect(shown.length).toBeGreaterThan(2);
      for (const n of shown.slice(1)) expect(frame, `line ${n} whole at 80x${rows}`).toMatch(new RegExp(`line${n} x+│\\n│x+│\\n│x+ end${n}`));
      for (let n = 0; n < 12; n++) if (frame.includes(`line${n} `)) expect(shown, `line ${n}'s end shown at 80x${rows}`).toContain(n);
      view.unmount();
    }
  });

  it('colours each service prefix, stderr marks and error or warning lines, and none with NO_COLOR', () => {
    withAndWithoutColour((env) => {
      const cockpit = cockpitWith(stack(), { env });
      addLines(cockpit, [['api', 'WARN slow'], ['mlflow', 'ERROR registry down', 'stderr'], ['api', '\x1b[32mgreen\x1b[0m by itself']]);
      const { lastFrame, unmount } = render(<CockpitContext.Provider value={cockpit}><LogsPane width={100} height={8} focused={false} view={initialUi().logs} /></CockpitContext.Provider>);
      const frame = lastFrame() ?? '';
      const mlflow = `\x1b[${SGR_FOREGROUND[serviceColor('mlflow')]}m`;
      if (env.NO_COLOR) {
        expect(frame).not.toMatch(/\x1b\[(3\d|9\d)m/);
        expect(frame).toContain('mlflow\x1b[1m !\x1b[22m│ERROR registry down');
        expect(frame).toContain('api     │green by itself');
      } else {
        expect(frame).toContain(`${mlflow}mlflow\x1b[1m\x1b[31m !\x1b[22m${mlflow}│\x1b[31mERROR registry down\x1b[39m`);
        expect(frame).toContain('\x1b[33mWARN slow\x1b[39m');
        expect(frame).toContain('\x1b[32mgreen');
      }
      unmount();
    });
  });

  it('pausing keeps collecting and says how many lines arrived', async () => {
    const cockpit = cockpitWith(stack());
    addLines(cockpit, [['api', 'line one']]);
    const view = app(cockpit);
    await view.waitForFrame((f) => f.includes('line one'), 'first line');
    await view.press('2');
    await view.press('f');
    addLines(cockpit, [['api', 'line two'], ['api', 'line three']]);
    const frame = await view.waitForFrame((f) => f.includes('2 new lines'), 'paused counter');
    expect(frame).toContain('PAUSED');
    expect(frame).not.toContain('line three');
    await view.press('G');
    await view.waitForFrame((f) => f.includes('line three') && !f.includes('PAUSED'), 'following again');
    view.unmount();
  });

  it('draws ASCII boxes with LANG=C and no colour with NO_COLOR', async () => {
    const cockpit = cockpitWith(stack(), { env: { LANG: 'C', NO_COLOR: '1' } });
    const view = app(cockpit);
    const frame = await view.waitForFrame((f) => f.includes('api'), 'rows');
    expect(frame).toMatch(/^\+- Containers -+/m);
    expect(frame).not.toMatch(/[╭│▾›]/);
    view.unmount();
  });
});
