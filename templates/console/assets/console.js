// 控制台各页面共用的脚本（由 layout.ftlh 引用）：带 data-autosubmit 的下拉框（如年度、公众号）选择后立即提交所在表单。
(function () {
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
})();
