// 编辑页面的脚本：输入后自动刷新右侧的微信排版预览、发布前检查和实际发布时段，拖放或选择图片上传，添加和删除备注行，
// 正文工具栏，每隔几秒自动保存到服务器（提交前再保存一次），登录过期时显示提示，离开页面前提醒未保存的修改。
// 由 edit.ftlh 以 <script src="/assets/editor.js"> 引用（控制台的安全策略不允许页面内联脚本）。
(function () {
  var form = document.getElementById('editor');
  var csrf = form.querySelector('input[name=_csrf]').value;
  var body = document.getElementById('body');
  var timer = null;
  var AUTOSAVE_EVERY = 5000;
  // the form's content as autosaved: without the CSRF field, the one-time token and the button pressed
  function content() {
    var p = new URLSearchParams(new FormData(form));
    p.delete('_csrf'); p.delete('form_token'); p.delete('action');
    return p.toString();
  }
  var lastSaved = content();
  var submitting = false;
  var expired = false;
  function esc(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  // posts the form to a console script route; an ended login (401) shows the banner instead
  function send(path) {
    return fetch(path, { method: 'POST', headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
        body: new URLSearchParams(new FormData(form)) })
      .then(function (r) {
        return r.json().then(function (d) {
          if (r.status === 401) { showExpired(d.login); throw new Error('expired'); }
          if (!r.ok) { throw new Error(d.error || d.detail || ('HTTP ' + r.status)); }
          return d;
        });
      });
  }
  function showExpired(login) {
    expired = true;
    var box = document.getElementById('expired');
    document.getElementById('login-again').setAttribute('href', login || ('/login?next=' + encodeURIComponent(location.pathname)));
    box.hidden = false;
    box.scrollIntoView();
    document.getElementById('autosave-state').textContent = '登录已过期，未能自动保存';
  }
  // force: also when nothing changed (right before a submit: it finds out whether the login is still alive)
  function autosave(force) {
    var now = content();
    if (expired || (now === lastSaved && force !== true)) { return Promise.resolve(!expired); }
    return send('/items/autosave').then(function (d) {
      lastSaved = now;
      document.getElementById('expired-saved').textContent = d.saved;
      document.getElementById('autosave-state').textContent = d.message;
      return true;
    }, function (e) {
      if (!expired) { document.getElementById('autosave-state').textContent = '自动保存失败：' + e.message; }
      return !expired;
    });
  }
  setInterval(autosave, AUTOSAVE_EVERY);
  form.addEventListener('submit', function (ev) {
    if (submitting) { return; }
    // held back until the autosave answers; console.js (which greys the buttons) does not see it
    ev.preventDefault();
    ev.stopImmediatePropagation();
    var button = ev.submitter;
    if (form.dataset.sending) { return; }
    form.dataset.sending = '1';
    // saved on the server right before the submit: an ended login loses nothing typed before this moment
    autosave(true).then(function (ok) {
      delete form.dataset.sending;
      if (!ok || expired) { return; }
      submitting = true;
      // the checks of the user's click have passed; submit() sends the form without asking again, so the
      // button pressed travels as a hidden field
      if (button && button.name) {
        var pressed = document.createElement('input');
        pressed.type = 'hidden'; pressed.name = button.name; pressed.value = button.value;
        form.appendChild(pressed);
      }
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      HTMLFormElement.prototype.submit.call(form);
    });
  });
  // Back to a cached copy of this page: the form may be sent again (its used token then leads to the saved item)
  window.addEventListener('pageshow', function (ev) {
    if (ev.persisted) {
      submitting = false;
      form.querySelectorAll('input[type=hidden][name=action]').forEach(function (i) { i.remove(); });
    }
  });
  window.addEventListener('beforeunload', function (ev) {
    if (!submitting && content() !== lastSaved) { ev.preventDefault(); ev.returnValue = ''; }
  });
  function refresh() {
    document.getElementById('preview-state').textContent = '正在刷新…';
    send('/preview')
      .then(function (d) {
        document.getElementById('slot').textContent = d.slot || '不填则在下一个发布时段发布';
        document.getElementById('slot-warning').textContent = d.warning || '';
        document.getElementById('preview').innerHTML = d.html || '';
        var card = document.getElementById('feed-card');
        if (d.card) {
          var cover = document.getElementById('feed-cover');
          cover.textContent = d.card.cover ? '' : '默认封面';
          cover.style.backgroundImage = d.card.cover ? 'url("' + encodeURI(d.card.cover) + '")' : '';
          document.getElementById('feed-title').textContent = d.card.title || '';
          document.getElementById('feed-digest').textContent = d.card.digest || '';
          card.hidden = false;
        } else {
          card.hidden = true;
        }
        var out = [];
        (d.problems || []).forEach(function (p) { out.push('<div class="err">问题 · ' + esc(p.where) + '：' + esc(p.message) + '</div>'); });
        (d.findings || []).forEach(function (f) { out.push('<div class="' + (f.error ? 'err' : 'wn') + '">' + esc(f.label) + ' · ' + esc(f.where) + (f.snippet ? '（“' + esc(f.snippet) + '”）' : '') + '：' + esc(f.message) + '</div>'); });
        document.getElementById('checks').innerHTML = out.length ? out.join('') : '<span class="ok">检查通过</span>';
        document.getElementById('preview-state').textContent = '已刷新';
      })
      .catch(function () { document.getElementById('preview-state').textContent = expired ? '登录已过期' : '预览暂时不可用'; });
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 600); }
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  function addImage(img) {
    var box = document.getElementById('images');
    if (!box.querySelector('[data-name="' + CSS.escape(img.name) + '"]')) {
      var span = document.createElement('span');
      span.className = 'tag'; span.setAttribute('data-name', img.name);
      span.innerHTML = '<input type="hidden" name="image" value="' + esc(img.name + '|' + img.sha) + '">' + esc(img.name);
      box.appendChild(span); box.appendChild(document.createTextNode(' '));
      var opt = document.createElement('option'); opt.textContent = img.name;
      document.getElementById('cover').appendChild(opt);
    }
    // the caption is asked for, never invented: a placeholder such as “图片说明” would be published under the picture
    var caption = window.prompt('请为图片“' + img.name + '”写一句说明（发布时显示在图片下方；不需要可留空）：', '');
    caption = (caption || '').replace(/[\[\]\r\n]+/g, ' ').trim();
    var text = '\n\n![' + caption + '](' + img.name + ')\n\n';
    var at = body.selectionStart || body.value.length;
    body.value = body.value.slice(0, at) + text + body.value.slice(at);
    later();
  }
  function upload(files) {
    Array.prototype.forEach.call(files, function (f) {
      var data = new FormData(); data.append('file', f);
      fetch('/uploads', { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: data })
        .then(function (r) { return r.json(); })
        .then(function (d) { if (d.error) { alert(d.error); } else { addImage(d); } });
    });
  }
  var zone = document.getElementById('dropzone');
  ['dragover', 'dragenter'].forEach(function (e) { zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.style.borderColor = '#b22222'; }); });
  zone.addEventListener('dragleave', function () { zone.style.borderColor = '#bbb'; });
  zone.addEventListener('drop', function (ev) { ev.preventDefault(); zone.style.borderColor = '#bbb'; upload(ev.dataTransfer.files); });
  body.addEventListener('drop', function (ev) { if (ev.dataTransfer.files.length) { ev.preventDefault(); upload(ev.dataTransfer.files); } });
  document.getElementById('file').addEventListener('change', function (ev) { upload(ev.target.files); ev.target.value = ''; });
  var notes = document.getElementById('notes');
  document.getElementById('add-note').addEventListener('click', function () {
    var tr = document.createElement('tr');
    tr.innerHTML = '<td><input type="text" name="note_term" size="12"></td><td><input type="text" name="note_text" style="width:100%"></td><td><button type="button" class="link-del">删除</button></td>';
    notes.appendChild(tr);
  });
  notes.addEventListener('click', function (ev) {
    if (ev.target.className === 'link-del') { ev.target.closest('tr').remove(); later(); }
  });
  // the toolbar over the Markdown text: what clerks use, written as Markdown at the cursor
  function changed() { body.dispatchEvent(new Event('input', { bubbles: true })); body.focus(); }
  function replaceSelection(make) {
    var a = body.selectionStart, b = body.selectionEnd;
    var text = make(body.value.slice(a, b));
    body.value = body.value.slice(0, a) + text + body.value.slice(b);
    body.selectionStart = body.selectionEnd = a + text.length;
    changed();
  }
  function block(text) { return (body.selectionStart > 0 ? '\n\n' : '') + text + '\n\n'; }
  function eachLine(sel, prefix) {
    var lines = (sel || '').split('\n');
    return lines.map(function (l, i) { return prefix(i) + l.replace(/^(\d+\. |- |## )/, ''); }).join('\n');
  }
  var actions = {
    bold: function () { replaceSelection(function (s) { return '**' + (s || '加粗的文字') + '**'; }); },
    heading: function () { replaceSelection(function (s) { return block('## ' + (s || '小标题').replace(/\n+/g, ' ')); }); },
    numbered: function () { replaceSelection(function (s) { return block(eachLine(s, function (i) { return (i + 1) + '. '; })); }); },
    bullets: function () { replaceSelection(function (s) { return block(eachLine(s, function () { return '- '; })); }); },
    table: function () { replaceSelection(function (s) { return block((s ? s + '\n\n' : '') + '| 项目 | 内容 | 备注 |\n| --- | --- | --- |\n|  |  |  |'); }); },
    image: function () { document.getElementById('file').click(); },
    link: function () {
      var url = window.prompt('请输入链接地址（以 https:// 开头）：', 'https://');
      if (!url || url === 'https://') { return; }
      replaceSelection(function (s) { return '[' + (s || '链接文字').replace(/[\[\]]/g, '') + '](' + url.trim() + ')'; });
    },
    signature: function () {
      var sig = form.querySelector('[name=signature]') || document.getElementById('signature');
      var date = form.querySelector('[name=signed_at]');
      if (!sig) { return; }
      if (!sig.value) {
        var dept = form.querySelector('[name=department]').value || form.querySelector('[name=author]').value;
        sig.value = dept;
      }
      if (date && !date.value) {
        var d = new Date();
        var iso = d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-' + ('0' + d.getDate()).slice(-2);
        date.value = date.type === 'date' ? iso : d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日';
      }
      sig.focus();
      later();
    }
  };
  document.getElementById('toolbar').addEventListener('click', function (ev) {
    var what = ev.target.getAttribute('data-md');
    if (what && actions[what]) { actions[what](); }
  });
  refresh();
})();
