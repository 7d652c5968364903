// The status page: polls /api/status each second and plots what it sees; nothing is loaded from
// outside the gateway (uPlot comes from the jar), so the page works offline.
(function () {
  'use strict';
  const WINDOW = 300; // points kept per plot: five minutes at one poll a second
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
  const plots = {};
  const history = { rate: [], energy: {}, backlog: {}, lag: {} };
  let previous = null;

  function plotWidth(el) { return Math.max(400, el.clientWidth || 460); }

  // One uPlot per figure; rebuilt when a new series (meter, hop) appears.
  function draw(id, times, seriesByName) {
    const el = document.getElementById(id);
    const names = Object.keys(seriesByName).sort();
    const data = [times].concat(names.map(n => seriesByName[n]));
    const key = names.join('|');
    if (!plots[id] || plots[id].key !== key) {
      if (plots[id]) { plots[id].plot.destroy(); }
      const opts = {
        width: plotWidth(el), height: 220,
        series: [{}].concat(names.map((n, i) => ({ label: n, stroke: COLORS[i % COLORS.length], width: 2 }))),
        axes: [{}, { size: 90 }],
      };
      plots[id] = { key: key, plot: new uPlot(opts, data, el) };
    } else {
      plots[id].plot.setData(data);
    }
    el.dataset.points = String(times.length);
  }

  function push(series, name, length, value) {
    if (!series[name]) { series[name] = new Array(length).fill(null); }
    series[name].push(value);
  }

  function trim(arr) { while (arr.length > WINDOW) { arr.shift(); } }

  function text(tag, value, cls) {
    const td = document.createElement(tag);
    td.textContent = value;
    if (cls) { td.className = cls; }
    return td;
  }

  function fillTable(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren(...rows.map(cells => {
      const tr = document.createElement('tr');
      cells.forEach(c => tr.appendChild(c));
      return tr;
    }));
  }

  function update(s) {
    const t = Date.parse(s.time) / 1000;
    const times = history.times || (history.times = []);
    const before = times.length;
    times.push(t);
    const rate = previous && t > previous.t ? Math.max(0, (s.readings - previous.readings) / (t - previous.t)) : 0;
    history.rate.push(rate);
    Object.entries(s.meters).forEach(([m, v]) => push(history.energy, m, before, v.energyWh === undefined ? null : v.energyWh));
    Object.entries(s.hops).forEach(([h, v]) => {
      push(history.backlog, h, before, v.backlog);
      push(history.lag, h, before, v.oldestPendingSeconds);
    });
    [history.energy, history.backlog, history.lag].forEach(group => Object.values(group).forEach(a => {
      while (a.length < times.length) { a.push(null); }
      trim(a);
    }));
    trim(times); trim(history.rate);
    previous = { t: t, readings: s.readings };

    draw('plot-rate', times, { 'readings/s': history.rate });
    draw('plot-energy', times, history.energy);
    draw('plot-backlog', times, history.backlog);
    draw('plot-lag', times, history.lag);

    document.getElementById('readings').textContent = s.readings;
    document.getElementById('last-block').textContent = s.lastAnchoredBlock === null ? 'none yet' : s.lastAnchoredBlock;
    document.getElementById('dead-letters').textContent = s.deadLetters;
    document.getElementById('updated').textContent = 'updated ' + new Date(s.time).toLocaleTimeString();
    fillTable('meters', Object.entries(s.meters).map(([m, v]) => [text('td', m),
      text('td', v.down ? 'down' : 'up', v.down ? 'down' : 'up'), text('td', v.readings), text('td', v.energyWh === undefined ? '' : v.energyWh)]));
    fillTable('hops', Object.entries(s.hops).map(([h, v]) => [text('td', h),
      text('td', Object.entries(v.states).map(([k, n]) => k + ' ' + n).join(', ')), text('td', v.backlog),
      text('td', v.oldestPendingSeconds.toFixed(1))]));
    fillTable('dead', s.latestDeadLetters.map(d => [text('td', d.time), text('td', d.meter || ''), text('td', d.source || ''),
      text('td', d.reason)]));
  }

  function poll() {
    fetch('api/status', { cache: 'no-store' })
      .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)))
      .then(update)
      .catch(e => { document.getElementById('updated').textContent = 'gateway not answering: ' + e.message; })
      .finally(() => setTimeout(poll, 1000));
  }

  function entry(dl, term, value, cls) {
    dl.appendChild(text('dt', term));
    const dd = text('dd', value, cls);
    dl.appendChild(dd);
    return dd;
  }

  function showLookup(r, query) {
    const out = document.getElementById('lookup-result');
    const dl = document.createElement('dl');
    entry(dl, 'reading', r.meter + ' #' + r.seq);
    entry(dl, 'anchored', r.anchored ? 'yes' : 'not yet', r.anchored ? 'anchored' : 'not-anchored').id = 'lookup-anchored';
    entry(dl, 'document SHA-256', r.sha256);
    entry(dl, 'document', JSON.stringify(r.document));
    if (r.ipfs) { entry(dl, 'IPFS CID', r.ipfs.cid + ' (' + r.ipfs.state + ')').id = 'lookup-cid'; }
    if (r.transaction) {
      const d = r.transaction.detail || {};
      // the transaction that was mined, else the newest sent (a resend with a higher fee replaces the earlier one)
      const tx = d.minedTx || (Array.isArray(d.tx) ? d.tx[d.tx.length - 1] : d.tx) || '';
      entry(dl, 'transaction', tx + ' (' + r.transaction.state + ')').id = 'lookup-tx';
      if (d.block !== undefined) { entry(dl, 'block', String(d.block)).id = 'lookup-block'; }
      if (d.nonce !== undefined) { entry(dl, 'nonce', String(d.nonce)); }
    }
    if (r.batch) {
      const d = r.batch.detail || {};
      entry(dl, 'Merkle batch', '#' + r.batch.id + ' of ' + r.batch.size + ' readings, root ' + r.batch.root + ' (' + r.batch.state + ')').id = 'lookup-batch';
      if (d.tx) { entry(dl, 'transaction', d.tx).id = 'lookup-tx'; }
      if (d.block !== undefined) { entry(dl, 'block', String(d.block)).id = 'lookup-block'; }
      if (r.batch.state === 'confirmed') {
        const dd = entry(dl, 'proof', '');
        const a = document.createElement('a');
        a.id = 'lookup-proof';
        a.href = 'api/proof?' + query;
        a.download = r.meter + '-' + r.seq + '.proof.json';
        a.textContent = 'download the inclusion proof (check it with energyweb verify-proof)';
        dd.appendChild(a);
      }
    }
    out.replaceChildren(dl);
  }

  document.getElementById('lookup').addEventListener('submit', ev => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    const params = new URLSearchParams();
    if (form.get('sha256').trim()) { params.set('sha256', form.get('sha256').trim()); }
    else { params.set('meter', form.get('meter').trim()); params.set('seq', form.get('seq').trim()); }
    const query = params.toString();
    fetch('api/lookup?' + query, { cache: 'no-store' })
      .then(r => r.ok ? r.json().then(j => showLookup(j, query)) : r.text().then(t => {
        document.getElementById('lookup-result').replaceChildren(text('p', t, 'not-anchored'));
      }));
  });

  poll();
})();
