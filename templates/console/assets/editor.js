// 编辑页面的脚本：输入后自动刷新右侧的微信排版预览和发布前检查，拖放或选择图片上传，添加和删除备注行。
// 由 edit.ftlh 以 <script src="/assets/editor.js"> 引用（控制台的安全策略不允许页面内联脚本）。
(function () {
  var form = document.getElementById('editor');
  var csrf = form.querySelector('input[name=_csrf]').value;
  var body = document.getElementById('body');
  var timer = null;
  function esc(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  function refresh() {
    document.getElementById('preview-state').textContent = '正在刷新…';
    fetch('/preview', { method: 'POST', headers: { 'X-CSRF-Token': csrf },
        body: new URLSearchParams(new FormData(form)) })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        document.getElementById('preview').innerHTML = d.html || '';
        var out = [];
        (d.problems || []).forEach(function (p) { out.push('<div class="err">问题 · ' + esc(p.where) + '：' + esc(p.message) + '</div>'); });
        (d.findings || []).forEach(function (f) { out.push('<div class="' + (f.error ? 'err' : 'wn') + '">' + esc(f.label) + ' · ' + esc(f.where) + '：' + esc(f.message) + '</div>'); });
        document.getElementById('checks').innerHTML = out.length ? out.join('') : '<span class="ok">检查通过</span>';
        document.getElementById('preview-state').textContent = '已刷新';
      })
      .catch(function () { document.getElementById('preview-state').textContent = '预览暂时不可用'; });
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
  refresh();
})();
