// cap-ptce offline form: shows the questions that apply, keeps the answers in this browser and
// writes a cap-ptce/answers@1 file. Inlined in the page; its SHA-256 is in the page's
// Content-Security-Policy, so any change here is picked up at render time. No network, no eval:
// conditions are data (the grid's `when` trees), evaluated below like src/model/conditions.ts does.
(function () {
  'use strict';
  var model = JSON.parse(document.getElementById('cap-ptce-model').textContent);
  var form = document.getElementById('form');
  var byId = {};
  model.questions.forEach(function (q) { byId[q.id] = q; });

  document.getElementById('needs-script').hidden = true;

  // ───────────── storage (may be missing: private mode, some phone viewers) ─────────────
  var storage = null;
  try {
    var probe = model.storageKey + ':probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    storage = window.localStorage;
  } catch (e) {
    storage = null;
  }
  if (!storage) document.getElementById('no-storage').hidden = false;

  function now() {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  function emptyState() {
    return { v: 1, project: { name: '', territory: '' }, respondent: '', createdAt: null, updatedAt: null, answers: {} };
  }

  function loadState() {
    if (!storage) return emptyState();
    try {
      var raw = storage.getItem(model.storageKey);
      if (!raw) return emptyState();
      var s = JSON.parse(raw);
      if (!s || typeof s !== 'object' || s.v !== 1 || typeof s.answers !== 'object' || s.answers === null || Array.isArray(s.answers)) return emptyState();
      var clean = emptyState();
      clean.project.name = str(s.project && s.project.name);
      clean.project.territory = str(s.project && s.project.territory);
      clean.respondent = str(s.respondent);
      clean.createdAt = typeof s.createdAt === 'string' ? s.createdAt : null;
      clean.updatedAt = typeof s.updatedAt === 'string' ? s.updatedAt : null;
      // Only the questions of this grid, so a stale key never reaches the file.
      model.questions.forEach(function (q) {
        var a = s.answers[q.id];
        if (a && typeof a === 'object') clean.answers[q.id] = a;
      });
      return clean;
    } catch (e) {
      return emptyState();
    }
  }

  function saveState() {
    if (!storage) return;
    try {
      storage.setItem(model.storageKey, JSON.stringify(state));
    } catch (e) {
      document.getElementById('no-storage').hidden = false;
    }
  }

  // ───────────── reading and writing the fields ─────────────
  function fields(name) {
    var found = form.elements.namedItem(name);
    if (!found) return [];
    if (typeof found.length === 'number' && !found.tagName) return Array.prototype.slice.call(found);
    return [found];
  }

  function str(x) {
    return typeof x === 'string' ? x : '';
  }

  /** The answer's value as the file holds it, or undefined when nothing is given. */
  function readValue(q) {
    var els = fields('v:' + q.id);
    if (q.type === 'multi') {
      var ticked = els.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
      return ticked.length > 0 ? ticked : undefined;
    }
    if (q.type === 'number') {
      var text = els[0] ? els[0].value.trim().replace(',', '.') : '';
      if (text === '') return undefined;
      var n = Number(text);
      return isFinite(n) ? n : undefined;
    }
    if (q.type === 'text') {
      var t = els[0] ? els[0].value.trim() : '';
      return t === '' ? undefined : t;
    }
    var checked = els.filter(function (el) { return el.checked; })[0];
    if (!checked) return undefined;
    if (q.type === 'boolean') return checked.value === 'true';
    return checked.value;
  }

  function readDom() {
    state.project.name = fields('project-name')[0].value;
    state.project.territory = fields('project-territory')[0].value;
    state.respondent = fields('respondent')[0].value;
    model.questions.forEach(function (q) {
      var before = state.answers[q.id] || {};
      var a = {
        value: readValue(q),
        examples: fields('ex:' + q.id).filter(function (el) { return el.checked; }).map(function (el) { return Number(el.value); }),
        own: (fields('own:' + q.id)[0] || { value: '' }).value,
        note: (fields('note:' + q.id)[0] || { value: '' }).value,
        answeredAt: before.answeredAt || null,
      };
      if (JSON.stringify(a.value) !== JSON.stringify(before.value)) a.answeredAt = a.value === undefined ? null : now();
      if (a.value === undefined && a.examples.length === 0 && a.own === '' && a.note === '') delete state.answers[q.id];
      else state.answers[q.id] = a;
    });
  }

  function writeDom() {
    fields('project-name')[0].value = str(state.project && state.project.name);
    fields('project-territory')[0].value = str(state.project && state.project.territory);
    fields('respondent')[0].value = str(state.respondent);
    model.questions.forEach(function (q) {
      var a = state.answers[q.id] || {};
      var v = a.value;
      fields('v:' + q.id).forEach(function (el) {
        if (el.type === 'radio') el.checked = v !== undefined && String(v) === el.value;
        else if (el.type === 'checkbox') el.checked = Array.isArray(v) && v.indexOf(el.value) >= 0;
        else el.value = v === undefined || v === null ? '' : String(v);
      });
      var ex = Array.isArray(a.examples) ? a.examples : [];
      fields('ex:' + q.id).forEach(function (el) { el.checked = ex.indexOf(Number(el.value)) >= 0; });
      fields('own:' + q.id).forEach(function (el) { el.value = str(a.own); });
      fields('note:' + q.id).forEach(function (el) { el.value = str(a.note); });
    });
  }

  // ───────────── conditions (same rules as src/model/conditions.ts) ─────────────
  function hasValue(a) {
    if (!a) return false;
    var v = a.value;
    if (v === undefined || v === null) return false;
    if (Array.isArray(v)) return true;
    if (typeof v === 'string') return v.length > 0;
    return true;
  }

  function scoreOf(q, id) {
    var c = q ? q.choices.filter(function (x) { return x.id === id; })[0] : undefined;
    return c && typeof c.score === 'number' ? c.score : null;
  }

  function evaluate(c, answers) {
    if (c.all) return c.all.every(function (x) { return evaluate(x, answers); });
    if (c.any) return c.any.some(function (x) { return evaluate(x, answers); });
    if (c.not) return !evaluate(c.not, answers);
    var a = answers[c.q];
    if ('answered' in c) return hasValue(a) === c.answered;
    if (!hasValue(a)) return false;
    var v = a.value;
    if ('is' in c) return v === c.is;
    if ('in' in c) return typeof v === 'string' && c.in.indexOf(v) >= 0;
    if ('includes' in c) return Array.isArray(v) && v.indexOf(c.includes) >= 0;
    if ('countAtLeast' in c) return Array.isArray(v) && v.length >= c.countAtLeast;
    if ('gte' in c) return typeof v === 'number' && v >= c.gte;
    if ('lt' in c) return typeof v === 'number' && v < c.lt;
    if ('atLeast' in c) {
      if (typeof v !== 'string') return false;
      var given = scoreOf(byId[c.q], v);
      var threshold = scoreOf(byId[c.q], c.atLeast);
      return given !== null && threshold !== null && given >= threshold;
    }
    return false;
  }

  /** Question ids that apply, in order; a hidden question's answer counts as not given. */
  function applicable() {
    var seen = {};
    var out = [];
    model.questions.forEach(function (q) {
      if (q.when && !evaluate(q.when, seen)) return;
      out.push(q.id);
      if (state.answers[q.id]) seen[q.id] = state.answers[q.id];
    });
    return out;
  }

  // ───────────── what the page shows ─────────────
  function plural(n, one, many) {
    return n + '\u00a0' + (n <= 1 ? one : many);
  }

  function refresh() {
    var shown = applicable();
    var shownSet = {};
    shown.forEach(function (id) { shownSet[id] = true; });
    var answered = 0;
    model.questions.forEach(function (q) {
      var box = form.querySelector('[data-q="' + q.id + '"]');
      if (box) box.hidden = !shownSet[q.id];
      var has = hasValue(state.answers[q.id]);
      if (shownSet[q.id] && has) answered += 1;
      var clear = form.querySelector('[data-clear="' + q.id + '"]');
      if (clear) clear.hidden = !has;
    });
    Array.prototype.forEach.call(form.querySelectorAll('section.entry'), function (section) {
      var visible = Array.prototype.filter.call(section.querySelectorAll('fieldset.question'), function (box) { return !box.hidden; });
      section.hidden = visible.length === 0;
      var done = visible.filter(function (box) { return hasValue(state.answers[box.getAttribute('data-q')]); }).length;
      var counter = section.querySelector('[data-entry-progress]');
      if (counter) counter.textContent = ' · ' + plural(done, 'réponse', 'réponses') + ' sur ' + visible.length;
    });
    var total = shown.length;
    var progress = document.getElementById('progress');
    progress.max = Math.max(total, 1);
    progress.value = answered;
    var percent = total === 0 ? 100 : Math.round((answered / total) * 100);
    document.getElementById('progress-text').textContent = answered + ' sur ' + plural(total, 'question', 'questions') + ' (' + percent + '\u00a0%)';
    var left = total - answered;
    var hidden = model.questions.length - total;
    var summary = left === 0 ? 'Vous avez répondu à toutes les questions.' : 'Encore ' + plural(left, 'question', 'questions') + ' sans réponse\u00a0: vous pouvez enregistrer maintenant et compléter plus tard.';
    if (hidden > 0) summary += ' ' + plural(hidden, 'question ne s\u2019applique', 'questions ne s\u2019appliquent') + ' pas à votre projet d\u2019après vos réponses.';
    document.getElementById('summary').textContent = summary;
    var who = state.respondent.trim();
    document.getElementById('file-name').textContent = who ? fileNameFor(who) : 'cap-ptce-reponses-…yaml';
  }

  // ───────────── the answers file ─────────────
  /** A YAML double-quoted string: every character that could end it or break a line is escaped. */
  function quote(s) {
    var out = '"';
    var text = String(s).replace(/\r\n?/g, '\n');
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charCodeAt(i);
      var ch = text.charAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
        out += ch + text.charAt(i + 1);
        i += 1;
      } else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
      else if (ch === '"') out += '\\"';
      else if (ch === '\\') out += '\\\\';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) out += '\\u' + ('000' + c.toString(16)).slice(-4);
      else out += ch;
    }
    return out + '"';
  }

  function ownExamples(text) {
    return str(text).split('\n').map(function (l) { return l.trim(); }).filter(function (l) { return l !== ''; });
  }

  function toYaml() {
    var lines = [];
    var stamp = now();
    lines.push('# Réponses au questionnaire cap-ptce (grille ' + model.grid.id + ', version ' + model.grid.version + ').');
    lines.push('# À envoyer à la personne qui anime l\u2019atelier\u00a0; «\u00a0cap-ptce report DOSSIER\u00a0» en fait la synthèse.');
    lines.push('format: ' + model.format);
    lines.push('grid:');
    lines.push('  id: ' + quote(model.grid.id));
    lines.push('  version: ' + quote(model.grid.version));
    var name = state.project.name.trim();
    var territory = state.project.territory.trim();
    if (!name && !territory) lines.push('project: {}');
    else {
      lines.push('project:');
      if (name) lines.push('  name: ' + quote(name));
      if (territory) lines.push('  territory: ' + quote(territory));
    }
    lines.push('respondent: ' + quote(state.respondent.trim()));
    if (model.path) lines.push('path: ' + quote(model.path));
    lines.push('createdAt: ' + quote(state.createdAt || stamp));
    lines.push('updatedAt: ' + quote(stamp));
    var body = [];
    applicable().forEach(function (id) {
      var a = state.answers[id];
      var q = byId[id];
      if (!a) return;
      var examples = (Array.isArray(a.examples) ? a.examples : [])
        .map(function (i) { return q.examples[i]; })
        .filter(function (x) { return typeof x === 'string'; })
        .concat(ownExamples(a.own));
      var note = str(a.note).trim();
      if (a.value === undefined && examples.length === 0 && note === '') return;
      body.push('  ' + quote(id) + ':');
      var v = a.value;
      if (Array.isArray(v)) {
        if (v.length === 0) body.push('    value: []');
        else {
          body.push('    value:');
          v.forEach(function (x) { body.push('      - ' + quote(x)); });
        }
      } else if (typeof v === 'number') body.push('    value: ' + String(v));
      else if (typeof v === 'boolean') body.push('    value: ' + (v ? 'true' : 'false'));
      else if (typeof v === 'string') body.push('    value: ' + quote(v));
      if (examples.length > 0) {
        body.push('    examples:');
        examples.forEach(function (x) { body.push('      - ' + quote(x)); });
      }
      if (note) body.push('    note: ' + quote(note));
      if (a.answeredAt && v !== undefined) body.push('    answeredAt: ' + quote(a.answeredAt));
    });
    if (body.length === 0) lines.push('answers: {}');
    else lines.push('answers:');
    return lines.concat(body).join('\n') + '\n';
  }

  /** « Claire Dupont-Lefèvre » → « claire-dupont-lefevre »: a file name every system accepts. */
  function slug(name) {
    var s = String(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[œ]/g, 'oe').replace(/[æ]/g, 'ae').replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
    return s || 'participant';
  }

  function fileNameFor(who) {
    return 'cap-ptce-reponses-' + slug(who) + '.yaml';
  }

  function status(text, isError) {
    var el = document.getElementById('status');
    el.textContent = text;
    el.className = isError ? 'error' : 'done';
  }

  function download() {
    readDom();
    var who = state.respondent.trim();
    if (!who) {
      status('Indiquez d\u2019abord votre nom, en haut du questionnaire\u00a0: il distingue vos réponses de celles des autres participants.', true);
      var input = fields('respondent')[0];
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    if (!state.createdAt) state.createdAt = now();
    var fileName = fileNameFor(who);
    var blob = new Blob([toYaml()], { type: 'application/x-yaml;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    state.updatedAt = now();
    saveState();
    status('Fichier «\u00a0' + fileName + '\u00a0» enregistré dans vos téléchargements. Envoyez-le à la personne qui anime l\u2019atelier.', false);
  }

  // ───────────── events ─────────────
  var state = loadState();
  writeDom();
  refresh();

  function changed() {
    readDom();
    if (!state.createdAt) state.createdAt = now();
    state.updatedAt = now();
    fields('respondent')[0].removeAttribute('aria-invalid');
    refresh();
    saveState();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('click', function (e) {
    var target = e.target;
    var id = target && target.getAttribute && target.getAttribute('data-clear');
    if (!id) return;
    fields('v:' + id).forEach(function (el) { el.checked = false; });
    changed();
    var first = fields('v:' + id)[0];
    if (first) first.focus();
  });
  document.getElementById('save').addEventListener('click', download);
  document.getElementById('erase').addEventListener('click', function () {
    if (storage) {
      try { storage.removeItem(model.storageKey); } catch (e) { /* nothing kept anyway */ }
    }
    state = emptyState();
    form.reset();
    writeDom();
    refresh();
    status('Réponses effacées de ce navigateur. Le questionnaire est prêt pour la personne suivante.', false);
    fields('respondent')[0].focus();
  });
})();
