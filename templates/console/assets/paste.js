// 编辑页面的粘贴脚本：从 Word 或 WPS 复制的内容（剪贴板里有 HTML）粘贴到“正文”时，转换成 Markdown，
// 保留段落、标题、编号和项目符号列表、表格和加粗，去掉 Word 的样式、批注和空标记；剪贴板里只有纯文本时照常粘贴。
// 由 edit.ftlh 以 <script src="/assets/paste.js"> 引用（控制台的安全策略不允许页面内联脚本）。
(function () {
  var CJK = '\u2e80-\u9fff\u3000-\u303f\uff00-\uffef';
  var JOIN_CJK = new RegExp('([' + CJK + '])\\s*\\n\\s*([' + CJK + '])', 'g');
  var PUNCT = '。，；：、！？,.;:!?（）()“”';
  var SKIP = { STYLE: 1, SCRIPT: 1, META: 1, LINK: 1, TITLE: 1, XML: 1, HEAD: 1, 'O:P': 1, 'V:SHAPETYPE': 1, 'V:SHAPE': 1 };

  function escapeText(s) {
    return s.replace(/([\\*_`\[\]])/g, '\\$1');
  }
  function escapeStart(s) {
    return /^([#>+-]|\d+[.)]\s)/.test(s) ? '\\' + s : s;
  }
  function styleOf(el) { return (el.getAttribute && el.getAttribute('style')) || ''; }
  function isComment(el) {
    // Word's comments (批注) and their references
    var cls = (el.getAttribute && el.getAttribute('class')) || '';
    var style = styleOf(el);
    return /msocom|MsoCommentReference|MsoCommentText/i.test(cls) || /mso-comment/i.test(style)
      || (el.id && /^_?com_/i.test(el.id));
  }
  function isBold(el) {
    var t = el.tagName;
    return t === 'B' || t === 'STRONG' || /font-weight\s*:\s*(bold|[6-9]00)/i.test(styleOf(el));
  }
  function bold(s) {
    var a = 0, b = s.length;
    while (a < b && (/\s/.test(s[a]) || PUNCT.indexOf(s[a]) >= 0)) { a++; }
    while (b > a && (/\s/.test(s[b - 1]) || PUNCT.indexOf(s[b - 1]) >= 0)) { b--; }
    if (a === b) { return s; }
    return s.slice(0, a) + '**' + s.slice(a, b) + '**' + s.slice(b);
  }

  // The Markdown of an element's inline content: text, bold, line breaks as spaces.
  function inline(node) {
    var out = '';
    node.childNodes.forEach(function (n) {
      if (n.nodeType === 3) {
        out += escapeText(n.nodeValue.replace(/\u00a0/g, ' '));
      } else if (n.nodeType === 1 && !SKIP[n.tagName] && !isComment(n)) {
        if (/mso-list\s*:\s*ignore/i.test(styleOf(n))) { return; }
        if (n.tagName === 'BR') { out += '\n'; return; }
        var inner = inline(n);
        out += isBold(n) ? bold(inner) : inner;
      }
    });
    return out;
  }
  function tidy(s) {
    return s.replace(JOIN_CJK, '$1$2').replace(/\s+/g, ' ').replace(/\*\*\*\*/g, '').trim();
  }

  function listMarker(el) {
    var m = el.querySelector('[style*="mso-list"]');
    var text = m ? m.textContent.replace(/\u00a0/g, ' ').trim() : '';
    return /^[(（]?\d+[.)、）]?$/.test(text) || /^[一二三四五六七八九十]+[、.]$/.test(text) ? '1. ' : '- ';
  }
  function listLevel(el) {
    var m = /level(\d)/i.exec(styleOf(el));
    return m ? Math.max(0, parseInt(m[1], 10) - 1) : 0;
  }

  function table(el) {
    var rows = [];
    el.querySelectorAll('tr').forEach(function (tr) {
      var cells = [];
      tr.querySelectorAll('td, th').forEach(function (td) {
        cells.push(tidy(inline(td).replace(/\n/g, ' ')).replace(/\|/g, '\\|'));
      });
      if (cells.length) { rows.push(cells); }
    });
    if (!rows.length) { return ''; }
    var cols = Math.max.apply(null, rows.map(function (r) { return r.length; }));
    var lines = rows.map(function (r) {
      var padded = r.slice();
      while (padded.length < cols) { padded.push(''); }
      return '| ' + padded.join(' | ') + ' |';
    });
    lines.splice(1, 0, '|' + new Array(cols + 1).join(' --- |'));
    return lines.join('\n');
  }

  // Walks the blocks of the pasted document, adding Markdown blocks to out.
  function blocks(node, out, listPrefix) {
    node.childNodes.forEach(function (n) {
      if (n.nodeType === 3) {
        var t = tidy(escapeText(n.nodeValue.replace(/\u00a0/g, ' ')));
        if (t) { out.push(escapeStart(t)); }
        return;
      }
      if (n.nodeType !== 1 || SKIP[n.tagName] || isComment(n)) { return; }
      var tag = n.tagName;
      var h = /^H([1-6])$/.exec(tag);
      if (h) {
        var ht = tidy(inline(n)).replace(/\*\*/g, '');
        if (ht) { out.push(new Array(+h[1] + 1).join('#') + ' ' + ht); }
      } else if (tag === 'TABLE') {
        var t2 = table(n);
        if (t2) { out.push(t2); }
      } else if (tag === 'UL' || tag === 'OL') {
        var items = [];
        n.querySelectorAll(':scope > li').forEach(function (li) {
          var text = tidy(inline(li));
          if (text) { items.push((tag === 'OL' ? '1. ' : '- ') + text); }
        });
        if (items.length) { out.push(items.join('\n')); }
      } else if (tag === 'P' || tag === 'LI' || tag === 'PRE') {
        var text = tidy(inline(n));
        if (!text) { return; }
        if (/mso-list/i.test(styleOf(n)) && !/mso-list\s*:\s*ignore/i.test(styleOf(n))) {
          var item = new Array(listLevel(n) + 1).join('  ') + listMarker(n) + text;
          var last = out.length ? out[out.length - 1] : '';
          if (/^\s*(- |1\. )/.test(last) && out.listOpen) { out[out.length - 1] = last + '\n' + item; } else { out.push(item); }
          out.listOpen = true;
          return;
        }
        out.push(escapeStart(text));
      } else {
        blocks(n, out, listPrefix);
        return;
      }
      out.listOpen = false;
    });
  }

  function toMarkdown(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var out = [];
    out.listOpen = false;
    blocks(doc.body, out, '');
    return out.join('\n\n');
  }

  window.gongkaiPaste = { toMarkdown: toMarkdown };

  var body = document.getElementById('body');
  if (!body) { return; }
  body.addEventListener('paste', function (e) {
    var data = e.clipboardData;
    var html = data && data.getData('text/html');
    if (!html) { return; }
    var md = toMarkdown(html);
    if (!md) { return; }
    e.preventDefault();
    var start = body.selectionStart, end = body.selectionEnd;
    body.setRangeText(md, start, end, 'end');
    body.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();
