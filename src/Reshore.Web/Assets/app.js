// Background jobs (simulation, optimisation, portfolio): start from the form, show progress, allow cancel, then open the
// results. A panel with data-job follows a job that is already queued or running (e.g. after the page was reloaded, or one
// the server started because an upload was too large for a direct answer); such a panel need not have a form.
(function () {
  for (const panel of document.querySelectorAll('.job-runner')) {
    const form = panel.querySelector('form');
    const bar = panel.querySelector('progress');
    const status = panel.querySelector('.status');
    const cancel = panel.querySelector('button.cancel');
    let job = null;
    // The API refuses a cookie-signed write without the page's anti-forgery token: the panel carries one (any on the page will do).
    const token = () => (panel.querySelector('input[name="__RequestVerificationToken"]') || document.querySelector('input[name="__RequestVerificationToken"]') || {}).value || '';
    if (form) form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = {};
      for (const input of form.querySelectorAll('input[name], select[name]')) {
        if (input.name.startsWith('__') || input.type === 'hidden') continue;
        if (input.type === 'checkbox') { body[input.name] = input.checked; continue; }
        if (input.value === '') continue;
        body[input.name] = input.type === 'number' ? Number(input.value) : input.value;
      }
      status.textContent = panel.dataset.starting;
      const r = panel.dataset.multipart !== undefined
        ? await fetch(panel.dataset.start, { method: 'POST', headers: { 'RequestVerificationToken': token() }, body: new FormData(form) })
        : await fetch(panel.dataset.start, { method: 'POST', headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token() }, body: JSON.stringify(body) });
      if (!r.ok) {
        const p = await r.json().catch(() => ({}));
        status.textContent = [p.detail || p.title || r.status].concat(Object.entries(p.errors || {}).map(([k, v]) => `${k}: ${v.join(' ')}`)).join(' · ');
        return;
      }
      job = await r.json();
      bar.hidden = false; cancel.hidden = false;
      poll();
    });
    cancel.addEventListener('click', async () => {
      if (job) await fetch(`/api/jobs/${job.id}`, { method: 'DELETE', headers: { 'RequestVerificationToken': token() } });
    });
    if (panel.dataset.job) { job = { id: panel.dataset.job }; bar.hidden = false; cancel.hidden = false; poll(); }
    async function poll() {
      const r = await fetch(`/api/jobs/${job.id}`);
      if (!r.ok) { status.textContent = r.status; return; }
      const j = await r.json();
      bar.value = j.percent;
      status.textContent = `${j.percent} % (${j.done.toLocaleString()} / ${j.total.toLocaleString()})` + (j.status === 'queued' ? ` · ${panel.dataset.queued || 'queued'}` : '') + (j.note ? ` · ${j.note}` : '');
      if (j.status === 'running' || j.status === 'queued') { setTimeout(poll, 500); return; }
      cancel.hidden = true;
      if (j.status === 'completed') { window.location = `${panel.dataset.done}${j.id}`; return; }
      status.textContent = j.status === 'cancelled' ? panel.dataset.cancelled : (panel.dataset.failed + ' ' + (j.error || ''));
    }
  }
})();
