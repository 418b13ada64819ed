// Background simulation: start, show progress, allow cancel, then open the results.
(function () {
  const panel = document.getElementById('simulation-runner');
  if (!panel) return;
  const form = panel.querySelector('form');
  const bar = panel.querySelector('progress');
  const status = panel.querySelector('.status');
  const cancel = panel.querySelector('button.cancel');
  const caseId = panel.dataset.caseId;
  let job = null;
  const token = () => (form.querySelector('input[name="__RequestVerificationToken"]') || {}).value;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = {};
    for (const key of ['scenarios', 'seed']) { const v = data.get(key); if (v) body[key] = Number(v); }
    const item = data.get('item'); if (item) body.item = item;
    status.textContent = panel.dataset.starting;
    const r = await fetch(`/api/cases/${caseId}/simulations`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token() }, body: JSON.stringify(body) });
    if (!r.ok) { const p = await r.json().catch(() => ({})); status.textContent = (p.detail || p.title || r.status) + ' ' + JSON.stringify(p.errors || ''); return; }
    job = await r.json();
    bar.hidden = false; cancel.hidden = false;
    poll();
  });
  cancel.addEventListener('click', async () => {
    if (!job) return;
    await fetch(`/api/jobs/${job.id}`, { method: 'DELETE', headers: { 'RequestVerificationToken': token() } });
  });
  async function poll() {
    const r = await fetch(`/api/jobs/${job.id}`);
    if (!r.ok) { status.textContent = r.status; return; }
    const j = await r.json();
    bar.value = j.percent;
    status.textContent = `${j.percent} % (${j.done.toLocaleString()} / ${j.total.toLocaleString()})`;
    if (j.status === 'running') { setTimeout(poll, 300); return; }
    cancel.hidden = true;
    if (j.status === 'completed') { window.location = `/cases/${caseId}/simulate?job=${j.id}`; return; }
    status.textContent = j.status === 'cancelled' ? panel.dataset.cancelled : (panel.dataset.failed + ' ' + (j.error || ''));
  }
})();
