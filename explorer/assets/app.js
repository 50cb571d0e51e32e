// The explorer's live parts: the market feed from the gateway's stream (watch=market), its charts, and the
// feedback chart of an agent's page. Pages read without this script; it only adds what cannot be static.
(() => {
  'use strict';
  const $ = (sel, el = document) => el.querySelector(sel);

  // Base units with six decimals (tUSD, USDC), as the server's amount helper shows them.
  const amount = (s) => {
    try {
      const x = BigInt(s), unit = 1000000n;
      const frac = (x % unit).toString().padStart(6, '0').replace(/0+$/, '');
      return (x / unit).toString() + (frac ? '.' + frac : '');
    } catch { return String(s ?? ''); }
  };
  const shortHash = (h) => (h && h.length > 14 ? h.slice(0, 6) + '…' + h.slice(-4) : h || '');
  const el = (tag, attrs = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    return e;
  };
  const link = (href, text) => el('a', { href }, text);
  // A time axis over the data, at least two minutes wide: left to itself, uPlot stretches points seconds apart
  // (a fresh devnet's) over years.
  const timeScale = (xs) => {
    let lo = Math.min(...xs), hi = Math.max(...xs);
    if (hi - lo < 120) { const mid = (lo + hi) / 2; lo = mid - 60; hi = mid + 60; }
    const pad = (hi - lo) * 0.03;
    return { x: { time: true, auto: false, range: [lo - pad, hi + pad] } };
  };

  // ------------------------------------------------------------------ an agent's feedback chart
  for (const box of document.querySelectorAll('[data-chart="feedback"]')) {
    let items = [];
    try { items = JSON.parse(box.dataset.points || 'null') || []; } catch { items = []; }
    const pts = items.filter((f) => f && f.time && !f.revoked)
      .map((f) => [Date.parse(f.time) / 1000, Number(f.value) / Math.pow(10, Number(f.valueDecimals || 0))])
      .filter(([t, v]) => isFinite(t) && isFinite(v)).sort((a, b) => a[0] - b[0]);
    if (pts.length === 0) { box.textContent = 'No feedback to chart.'; continue; }
    let sum = 0;
    const xs = pts.map((p) => p[0]), vals = pts.map((p) => p[1]);
    const mean = vals.map((v, i) => (sum += v) / (i + 1));
    new uPlot({
      width: Math.max(320, box.clientWidth || 600), height: 220,
      scales: timeScale(xs),
      series: [{}, { label: 'value', stroke: '#0b5cad', paths: () => null, points: { show: true, size: 6 } },
        { label: 'running mean', stroke: '#1a7f37', width: 2 }],
    }, [xs, vals, mean], box);
  }

  // ------------------------------------------------------------------ an agent's reputation history
  for (const box of document.querySelectorAll('[data-chart="reputation"]')) {
    let points = [];
    try { points = JSON.parse(box.dataset.points || 'null') || []; } catch { points = []; }
    const pts = points.map((p) => [Date.parse(p.asOf) / 1000, Number(p.score)]).filter(([t, v]) => isFinite(t) && isFinite(v));
    if (pts.length === 0) { box.textContent = 'No score stored yet.'; continue; }
    new uPlot({
      width: Math.max(320, box.clientWidth || 600), height: 220, scales: { ...timeScale(pts.map((p) => p[0])), y: { auto: false, range: [0, 100] } },
      series: [{}, { label: 'score', stroke: '#6639ba', width: 2, points: { size: 5 } }],
    }, [pts.map((p) => p[0]), pts.map((p) => p[1])], box);
  }

  // ------------------------------------------------------------------ the live market feed
  const feed = $('#feed');
  if (!feed) return;
  const body = feed.tBodies[0], state = $('#feed-state'), statsBox = $('#feed-stats');
  const rows = new Map(); // RFQ id -> {row, opened}
  const byAgreement = new Map(); // agreement id -> RFQ id
  const stats = { rfqs: 0, awarded: 0, volume: 0n, awardTimes: [] };
  const minutes = new Map(); // minute (unix s) -> {rfqs, awards, volume (BigInt), awardMs: []}
  const prices = []; // {t, capability, price}
  const MAX_ROWS = 60;
  const parse = (s) => { try { return JSON.parse(s || 'null') || []; } catch { return []; } };
  const minuteOf = (t) => Math.floor(t / 60) * 60;
  const bucket = (t) => {
    const m = minuteOf(t);
    let b = minutes.get(m);
    if (!b) { b = { rfqs: 0, awards: 0, volume: 0n, awardMs: [] }; minutes.set(m, b); }
    return b;
  };
  // The last hour, from GET /v1/market/stats, rendered into the page: the charts start with history.
  for (const m of parse(statsBox.dataset.minutes)) {
    const b = bucket(Date.parse(m.minute) / 1000);
    b.rfqs += m.rfqs; b.awards += m.awarded;
    for (const v of Object.values(m.volumeByToken || {})) { try { b.volume += BigInt(v); } catch { /* not a number */ } }
    if (m.medianAwardMs != null) for (let i = 0; i < m.awarded; i++) b.awardMs.push(m.medianAwardMs);
    stats.rfqs += m.rfqs; stats.awarded += m.awarded; stats.volume += b.volume;
    if (m.medianAwardMs != null) for (let i = 0; i < m.awarded; i++) stats.awardTimes.push(m.medianAwardMs);
  }
  for (const p of parse(statsBox.dataset.prices)) {
    prices.push({ t: Date.parse(p.at) / 1000, capability: p.capability, price: Number(p.paid) / 1e6 });
  }

  const cell = (row, i) => row.cells[i];
  const setState = (text) => { state.textContent = text; };
  const median = (a) => {
    if (!a.length) return null;
    const s = [...a].sort((x, y) => x - y), m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const showStats = () => {
    statsBox.hidden = false;
    $('#stat-rfqs').textContent = stats.rfqs;
    $('#stat-awarded').textContent = stats.awarded;
    $('#stat-volume').textContent = amount(stats.volume.toString());
    const m = median(stats.awardTimes);
    $('#stat-award-time').textContent = m == null ? '–' : (m / 1000).toFixed(2) + ' s';
  };

  const opened = (r) => {
    if (rows.has(r.id)) return;
    stats.rfqs++;
    bucket(Date.parse(r.openedAt) / 1000).rfqs++;
    const row = el('tr', { class: 'new', 'data-rfq': r.id },
      el('td', {}, new Date(r.openedAt).toLocaleTimeString()),
      el('td', {}, link('/rfqs/' + r.id, shortHash(r.id))),
      el('td', {}, r.capability),
      el('td', {}, r.auction),
      el('td', { class: 'num' }, amount(r.maxPrice)),
      el('td', { class: 'num' }, String(r.quotes || 0)),
      el('td', {}, el('span', { class: 'state state-open' }, 'open')),
      el('td', { class: 'num' }, ''),
      el('td', {}, ''));
    body.prepend(row);
    rows.set(r.id, { row, opened: Date.parse(r.openedAt), quotes: r.quotes || 0 });
    if (r.auction === 'dutch' && r.status === 'open') dutch.set(r.id, r);
    while (body.rows.length > MAX_ROWS) {
      const last = body.rows[body.rows.length - 1];
      rows.delete(last.dataset.rfq);
      last.remove();
    }
    feed.hidden = false;
    showStats();
  };

  // A Dutch auction's offer is public (docs/auction.md, §3): it rises from the floor at the opening to the
  // maximum at the window's end; the feed shows it beside the count of acceptances, four times a second.
  const dutch = new Map(); // RFQ id -> RFQ, while open
  const dutchOffer = (r, now) => {
    const floor = BigInt(r.floorPrice || '0'), max = BigInt(r.maxPrice), open = Date.parse(r.openedAt);
    const windowMs = BigInt(Math.max(1, r.quoteWindowMs)), elapsed = BigInt(Math.max(0, Math.floor(now - open)));
    return elapsed >= windowMs ? max : floor + ((max - floor) * elapsed) / windowMs;
  };
  setInterval(() => {
    const now = Date.now();
    for (const [id, r] of dutch) {
      const entry = rows.get(id);
      if (!entry) { dutch.delete(id); continue; }
      cell(entry.row, 5).textContent = String(entry.quotes || 0) + ' (offer ' + amount(dutchOffer(r, now).toString()) + ')';
    }
  }, 250);
  const quoted = (id, n) => {
    const entry = rows.get(id);
    if (!entry) return;
    entry.quotes = n;
    const r = dutch.get(id);
    cell(entry.row, 5).textContent = String(n) + (r ? ' (offer ' + amount(dutchOffer(r, Date.now()).toString()) + ')' : '');
  };

  const closed = (r, kind) => {
    let entry = rows.get(r.id);
    if (!entry) { opened(r); entry = rows.get(r.id); }
    dutch.delete(r.id);
    const row = entry.row;
    cell(row, 5).textContent = String(r.quotes || 0);
    const winner = cell(row, 6);
    winner.textContent = '';
    if (r.award) {
      winner.append(link('/agents/' + r.award.providerAgentId, 'agent ' + r.award.providerAgentId));
      // Second price: the winner bid less than it is paid (the runner-up's price).
      cell(row, 7).textContent = amount(r.award.paid) + (r.award.price && r.award.price !== r.award.paid ? ' (bid ' + amount(r.award.price) + ')' : '');
      const t = Date.parse(r.closedAt || new Date().toISOString()), paid = BigInt(r.award.paid);
      const b = bucket(entry.opened / 1000);
      stats.awarded++; stats.volume += paid; stats.awardTimes.push(t - entry.opened);
      b.awards++; b.volume += paid; b.awardMs.push(t - entry.opened);
      prices.push({ t: t / 1000, capability: r.capability, price: Number(r.award.paid) / 1e6 });
      if (r.award.agreementId) {
        byAgreement.set(r.award.agreementId, r.id);
        cell(row, 8).replaceChildren(link('/agreements/' + r.award.agreementId, 'agreement'));
      }
    } else {
      winner.append(el('span', { class: 'state state-' + (kind === 'withdrawn' ? 'withdrawn' : 'no_bids') }, kind === 'withdrawn' ? 'withdrawn' : 'no bids'));
    }
    showStats();
    drawCharts();
  };

  const agreement = (a) => {
    const id = a.rfqId || byAgreement.get(a.id);
    const entry = id && rows.get(id);
    if (!entry) return;
    const c = cell(entry.row, 8);
    c.replaceChildren(a.jobId ? link('/jobs/' + a.jobId, 'job ' + a.jobId) : link('/agreements/' + a.id, 'agreement'), ' ',
      el('span', { class: 'state state-' + a.state }, a.state));
  };

  // A winner that did not sign: a row in the penalties table, and its RFQ's row says so.
  const penalty = (p) => {
    const box = $('#penalties');
    if (!box) return;
    box.hidden = false;
    box.querySelector('tbody').prepend(el('tr', { class: 'new' },
      el('td', {}, link('/agents/' + p.agentId, 'agent ' + p.agentId)),
      el('td', {}, link('/rfqs/' + p.rfqId, shortHash(p.rfqId))),
      el('td', {}, new Date(p.since).toLocaleTimeString()),
      el('td', {}, new Date(p.until).toLocaleString())));
    const entry = rows.get(p.rfqId);
    if (entry) cell(entry.row, 8).replaceChildren(el('span', { class: 'state state-penalised' }, 'not signed: penalised'));
  };

  // Charts: clearing prices of the five busiest capabilities; RFQs and awards, volume and the median time to
  // award, per minute. Redrawn at most once a second.
  const charts = {};
  let lastDraw = 0;
  const chart = (id, series, data) => {
    const box = $('#' + id);
    if (charts[id]) { charts[id].destroy(); delete charts[id]; }
    if (!data[0].length) return;
    charts[id] = new uPlot({ width: Math.max(320, box.clientWidth || 480), height: 220, scales: timeScale(data[0]), series: [{}, ...series] },
      data, box);
  };
  const drawCharts = (force) => {
    const now = Date.now();
    if (!force && now - lastDraw < 1000) return;
    lastDraw = now;
    if (!prices.length && !minutes.size) return;
    $('#feed-charts').hidden = false;
    const counts = new Map();
    for (const p of prices) counts.set(p.capability, (counts.get(p.capability) || 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map((e) => e[0]);
    const pts = prices.filter((p) => top.includes(p.capability)).sort((a, b) => a.t - b.t);
    const colours = ['#0b5cad', '#1a7f37', '#9a6700', '#b42318', '#6639ba'];
    chart('chart-prices', top.map((c, i) => ({ label: c, stroke: colours[i], paths: () => null, points: { show: true, size: 6, fill: colours[i] } })),
      [pts.map((p) => p.t), ...top.map((c) => pts.map((p) => (p.capability === c ? p.price : null)))]);
    const ms = [...minutes.keys()].sort((a, b) => a - b), at = (m) => minutes.get(m);
    chart('chart-rate', [{ label: 'RFQs', stroke: '#0b5cad', width: 2 }, { label: 'awards', stroke: '#1a7f37', width: 2 }],
      [ms, ms.map((m) => at(m).rfqs), ms.map((m) => at(m).awards)]);
    chart('chart-volume', [{ label: 'tUSD', stroke: '#9a6700', width: 2 }], [ms, ms.map((m) => Number(at(m).volume) / 1e6)]);
    chart('chart-award', [{ label: 'seconds', stroke: '#6639ba', width: 2 }],
      [ms, ms.map((m) => { const v = median(at(m).awardMs); return v == null ? null : v / 1000; })]);
  };
  if (stats.rfqs) showStats();
  drawCharts(true);

  let backoff = 1000;
  const connect = () => {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/v1/stream?watch=market';
    const ws = new WebSocket(url);
    ws.onopen = () => { backoff = 1000; };
    ws.onmessage = (msg) => {
      let ev;
      try { ev = JSON.parse(msg.data); } catch { return; }
      switch (ev.type) {
        case 'subscribed': setState('Live: following every RFQ as it opens, gets quotes and closes.'); feed.hidden = false; break;
        case 'rfq': if (ev.rfq) opened(ev.rfq); break;
        case 'quote': quoted(ev.rfqId, ev.quotes); break;
        case 'closed': case 'withdrawn': if (ev.rfq) closed(ev.rfq, ev.type); break;
        case 'agreement': if (ev.agreement) agreement(ev.agreement); break;
        case 'penalty': if (ev.penalty) penalty(ev.penalty); break;
        default: break;
      }
    };
    ws.onclose = () => {
      setState('Disconnected from the gateway: reconnecting…');
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  };
  connect();
})();
