// 控制台各页面共用的脚本（由 layout.ftlh 引用）：带 data-autosubmit 的下拉框（如年度、公众号）选择后立即提交所在表单；
// 带 data-confirm 的按钮提交前先请用户确认；表单提交后按钮暂时不可点，避免双击重复提交。
(function () {
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  document.querySelectorAll('form[method=post]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      // 提交的数据含所按按钮的 name/value，故在提交之后再停用按钮。
      setTimeout(function () {
        form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
  // 用“后退”回到本页时（浏览器缓存的页面）按钮恢复可用。
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[method=post] button[type=submit]').forEach(function (b) { b.disabled = false; });
  });
})();
