// The search page: plain DOM over the JSON API (no build step). Every item shows its evidence.
const out = document.getElementById('out');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function evidence(e) {
  if (!e) return '';
  return el('div', { class: 'evidence' }, `${e.article.slice(0, 8)} ${e.published ?? ''} s${e.sentence ?? '?'} @${e.start}: `, el('q', {}, e.text));
}

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? res.statusText);
  return body;
}

function actorLink(name) {
  const b = el('button', { class: 'link', type: 'button' }, name);
  b.addEventListener('click', () => showActor(name));
  return b;
}

async function showSearch(q) {
  const hits = await api(`/api/search?q=${encodeURIComponent(q)}`);
  out.replaceChildren(el('h2', {}, `${hits.length} hit(s) for “${q}”`), el('ul', { id: 'hits' }, ...hits.map((h) => el('li', { class: `hit hit-${h.kind}` },
    h.kind === 'statement' ? 'quote ' : 'article ', h.speakerName ? actorLink(h.speakerName) : '', h.speakerName ? ': ' : '', h.snippet, evidence(h.evidence)))));
}

function section(title, items, render) {
  if (!items.length) return '';
  return el('section', {}, el('h3', {}, title), el('ul', {}, ...items.map((x) => el('li', {}, ...render(x)))));
}

function period(x) {
  return `${x.from ?? '…'} → ${x.to ?? 'now'}`;
}

async function showActor(name) {
  const p = await api(`/api/actors/${encodeURIComponent(name)}`);
  out.replaceChildren(
    el('h2', { id: 'profile-name' }, `${p.actor.name} (${p.actor.type})`),
    p.actor.aliases.length ? el('p', {}, `Also: ${p.actor.aliases.join('; ')}`) : '',
    section('Resolution', p.resolution, (m) => [`${m.article.slice(0, 8)} “${m.name}” — ${m.via}${m.reasons.length ? `: ${m.reasons.join('; ')}` : ''}`]),
    section('Offices', p.offices, (o) => [`${o.title}${o.orgName ? `, ${o.orgName}` : ''}: ${period(o)}`, evidence(o.closed ?? o.opened)]),
    section('Memberships', p.memberships, (m) => [`${m.personName} in ${m.orgName}: ${period(m)}`, evidence(m.opened)]),
    section('Relations', p.relations, (r) => [`${r.kind}: ${r.aName} – ${r.bName}: ${period(r)}`, evidence(r.closed ?? r.opened)]),
    section('Quotes', p.quotes, (q) => [`(${q.kind}) `, el('q', {}, q.content.text), evidence(q.content)]),
    section('Events', p.events, (e) => [`${e.date ?? '?'} ${e.type} — ${e.actors.map((a) => a.name).join(', ')}${e.recipients.length ? ` → ${e.recipients.map((a) => a.name).join(', ')}` : ''} (${e.sources.length} report(s))`, evidence(e.sources[0])]),
    section('Commitments', p.commitments, (c) => [el('span', { class: `status-${c.status}` }, `[${c.status}] `), c.what.text, evidence(c.statusEvidence ?? c.sources[0])]),
  );
}

function guard(action) {
  return async (event) => {
    event.preventDefault();
    try {
      await action();
    } catch (err) {
      out.replaceChildren(el('p', { class: 'error' }, String(err.message ?? err)));
    }
  };
}

document.getElementById('search-form').addEventListener('submit', guard(() => showSearch(document.getElementById('search').value)));
document.getElementById('actor-form').addEventListener('submit', guard(() => showActor(document.getElementById('actor').value)));
const initial = new URLSearchParams(location.search);
if (initial.get('actor')) guard(() => showActor(initial.get('actor')))(new Event('submit'));
else if (initial.get('q')) guard(() => showSearch(initial.get('q')))(new Event('submit'));
